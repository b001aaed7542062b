using System.Globalization;
using System.Security.Claims;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Data;
using Lianxin.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Access;

/// <summary>Sign-in, sign-out and password change, each recorded in the audit log (failures too).</summary>
public sealed class SignInService(
    SignInManager<LianxinUser> signIn,
    UserManager<LianxinUser> users,
    LianxinDbContext db,
    SecurityOptions security,
    TimeProvider time,
    LianxinMetrics metrics
)
{
    private const string BadCredentials = "用户名或密码错误";

    /// <summary>Checks the password (counting failures towards lockout) and, if it is right, signs in
    /// with the given scheme: the cookie for pages, a bearer token for API clients.</summary>
    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, string scheme)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return new SignInOutcome(false, "请输入用户名和密码");
        var name = userName.Trim();
        if (name.Length > 64 || password.Length > 256)
            return await Fail(null, name, BadCredentials);
        var user = await users.FindByNameAsync(name);
        if (user is null)
            return await Fail(null, name, BadCredentials);

        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            var minutes = user.LockoutEnd is { } end
                ? Math.Max(1, (int)Math.Ceiling((end - time.GetUtcNow()).TotalMinutes))
                : security.LockoutMinutes;
            db.Audit(AuditAction.LockedOut, nameof(LianxinUser), user.Id, $"账号 {name} 因连续输错密码被锁定", user.Id, Label(user));
            await db.SaveChangesAsync();
            metrics.SignIn("locked");
            return new SignInOutcome(false, $"密码错误次数过多，账号已锁定，请 {minutes} 分钟后再试", LockedOut: true);
        }
        if (!check.Succeeded)
        {
            var left = security.LockoutThreshold - await users.GetAccessFailedCountAsync(user);
            return await Fail(user, name, left is > 0 and <= 3 ? $"{BadCredentials}，再错 {left} 次账号将被锁定" : BadCredentials);
        }

        // Said only to someone who knows the password, so it does not tell a guesser which accounts exist.
        if (user.IsDisabled)
            return await Fail(user, name, "账号已停用，请联系系统管理员");

        var now = time.GetUtcNow();
        if (!user.MustChangePassword && PasswordPolicyValidator.IsExpired(user, security, now))
        {
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
        }
        if (scheme == IdentityConstants.BearerScheme && user.MustChangePassword)
            return new SignInOutcome(false, "须先修改初始密码（或密码已过期）后才能获取令牌", MustChangePassword: true);

        var props = new AuthenticationProperties { IsPersistent = false };
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInWithClaimsAsync(
            user,
            props,
            [new Claim("amr", "pwd"), new Claim(LianxinClaims.SignedInAt, now.UtcTicks.ToString(CultureInfo.InvariantCulture))]
        );
        db.Audit(
            AuditAction.SignIn,
            nameof(LianxinUser),
            user.Id,
            scheme == IdentityConstants.BearerScheme ? "接口令牌登录" : "网页登录",
            user.Id,
            Label(user)
        );
        await db.SaveChangesAsync();
        metrics.SignIn("success");
        return new SignInOutcome(true, MustChangePassword: user.MustChangePassword);
    }

    /// <summary>Re-issues the cookie after a password change (the security stamp changed) without moving
    /// the original sign-in time.</summary>
    public async Task RefreshAfterPasswordChangeAsync(LianxinUser user, ClaimsPrincipal current)
    {
        var at = current.FindFirstValue(LianxinClaims.SignedInAt) ?? time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        var props = new AuthenticationProperties { IsPersistent = false };
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInWithClaimsAsync(user, props, [new Claim("amr", "pwd"), new Claim(LianxinClaims.SignedInAt, at)]);
    }

    /// <summary>A wrong current password on the change-password API is a guessed password like any other.</summary>
    public async Task RecordFailedPasswordChangeAsync(LianxinUser user)
    {
        var locked = await users.IsLockedOutAsync(user);
        db.Audit(
            locked ? AuditAction.LockedOut : AuditAction.SignInFailed,
            nameof(LianxinUser),
            user.Id,
            $"账号 {user.UserName} 修改密码时原密码错误" + (locked ? "，已被锁定" : ""),
            user.Id,
            Label(user)
        );
        await db.SaveChangesAsync();
        metrics.SignIn(locked ? "locked" : "failed");
    }

    public async Task SignOutAsync(string? userId, string? userName)
    {
        await signIn.SignOutAsync();
        if (userId is null)
            return;
        db.Audit(AuditAction.SignOut, nameof(LianxinUser), userId, null, userId, userName);
        await db.SaveChangesAsync();
    }

    /// <summary>Changes a password after checking the current one; clears the forced-change flag.</summary>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(LianxinUser user, string? current, string? next, string? confirm)
    {
        if (string.IsNullOrEmpty(current) || string.IsNullOrEmpty(next))
            return ["请填写原密码和新密码"];
        if (confirm is not null && next != confirm)
            return ["两次输入的新密码不一致"];
        if (current == next)
            return ["新密码不能与原密码相同"];
        var result = await users.ChangePasswordAsync(user, current, next);
        if (!result.Succeeded)
            return result.Errors.Select(e => e.Description).ToList();
        user.MustChangePassword = false;
        user.PasswordChangedAt = time.GetUtcNow();
        await users.UpdateAsync(user);
        db.Audit(AuditAction.PasswordChanged, nameof(LianxinUser), user.Id, null, user.Id, Label(user));
        await db.SaveChangesAsync();
        return [];
    }

    /// <summary>The same "名字（账号）" form the audit log uses for every other line by this user.</summary>
    private static string Label(LianxinUser user) =>
        string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : $"{user.DisplayName}（{user.UserName}）";

    private async Task<SignInOutcome> Fail(LianxinUser? user, string name, string message)
    {
        db.Audit(
            AuditAction.SignInFailed,
            nameof(LianxinUser),
            user?.Id,
            $"账号 {name} 登录失败",
            user?.Id,
            user is null ? name : Label(user)
        );
        await db.SaveChangesAsync();
        metrics.SignIn("failed");
        return new SignInOutcome(false, message);
    }
}
