using System.Globalization;
using System.Security.Claims;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Data;
using Lianxin.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Access;

/// <summary>Sign-in, sign-out and password change, each recorded in the audit log (failures too). A failed
/// sign-in answers the same for an unknown account, a wrong password and a locked account, and takes as long
/// (a password hash is checked in every case), so the answer tells a guesser nothing about which accounts exist.</summary>
public sealed class SignInService(
    SignInManager<LianxinUser> signIn,
    UserManager<LianxinUser> users,
    UserSessions sessions,
    LianxinDbContext db,
    SecurityOptions security,
    TimeProvider time,
    LianxinMetrics metrics
)
{
    public const string BadCredentials = "用户名或密码错误";

    /// <summary>A hash to check a password against when there is no account to check it on, so that path costs
    /// what a real check costs.</summary>
    private static readonly Lazy<string> DecoyHash = new(() =>
        new PasswordHasher<LianxinUser>().HashPassword(new LianxinUser(), Convert.ToBase64String(Guid.NewGuid().ToByteArray()))
    );

    /// <summary>Checks the password (counting failures towards lockout) and, if it is right, signs in
    /// with the given scheme: the cookie for pages, a bearer token for API clients.</summary>
    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, string scheme)
    {
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrEmpty(password))
            return new SignInOutcome(false, "请输入用户名和密码", Code: SignInErrors.Required);
        var name = userName.Trim();
        if (name.Length > 64 || password.Length > 256)
            return await Fail(null, name, BadCredentials);
        var user = await users.FindByNameAsync(name);
        if (user is null)
        {
            CheckDecoy(password);
            return await Fail(null, name, BadCredentials);
        }

        // A locked account is refused without looking at the password; check one anyway, so it takes as long.
        var wasLocked = await users.IsLockedOutAsync(user);
        if (wasLocked)
            CheckDecoy(password);
        var check = await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (check.IsLockedOut)
        {
            var summary = wasLocked ? $"账号 {name} 已锁定，登录被拒绝" : $"账号 {name} 因连续输错密码被锁定";
            db.Audit(AuditAction.LockedOut, nameof(LianxinUser), user.Id, summary, user.Id, Label(user));
            await db.SaveChangesAsync();
            metrics.SignIn("locked");
            // Not "locked": an unknown account never locks, so saying so would tell that this one exists.
            return new SignInOutcome(false, BadCredentials, LockedOut: true, Code: SignInErrors.Credentials);
        }
        if (!check.Succeeded)
            return await Fail(user, name, BadCredentials);

        // Said only to someone who knows the password, so it does not tell a guesser which accounts exist.
        if (user.IsDisabled)
            return await Fail(user, name, "账号已停用，请联系系统管理员", SignInErrors.Disabled);

        var now = time.GetUtcNow();
        if (!user.MustChangePassword && PasswordPolicyValidator.IsExpired(user, security, now))
        {
            user.MustChangePassword = true;
            await users.UpdateAsync(user);
        }
        if (scheme == IdentityConstants.BearerScheme && user.MustChangePassword)
            return new SignInOutcome(false, "须先修改初始密码（或密码已过期）后才能获取令牌", MustChangePassword: true);

        // The session is stored before the cookie or token that names it goes out.
        var bearer = scheme == IdentityConstants.BearerScheme;
        var session = sessions.Start(user.Id, bearer ? UserSession.Bearer : UserSession.Cookie);
        db.Audit(AuditAction.SignIn, nameof(LianxinUser), user.Id, bearer ? "接口令牌登录" : "网页登录", user.Id, Label(user));
        await db.SaveChangesAsync();
        List<Claim> claims =
        [
            new("amr", "pwd"),
            new(LianxinClaims.SignedInAt, now.UtcTicks.ToString(CultureInfo.InvariantCulture)),
            new(LianxinClaims.SessionId, session.Id.ToString()),
        ];
        if (bearer)
            claims.Add(new Claim(LianxinClaims.RefreshGeneration, "0"));
        signIn.AuthenticationScheme = scheme;
        await signIn.SignInWithClaimsAsync(user, new AuthenticationProperties { IsPersistent = false }, claims);
        metrics.SignIn("success");
        return new SignInOutcome(true, MustChangePassword: user.MustChangePassword);
    }

    private void CheckDecoy(string? password) =>
        users.PasswordHasher.VerifyHashedPassword(new LianxinUser(), DecoyHash.Value, password ?? "");

    /// <summary>The change-password API refusing an unknown, disabled or locked account: as long as a real
    /// check, audited like a failed sign-in.</summary>
    public async Task RefusePasswordChangeAsync(LianxinUser? user, string name, string? password)
    {
        CheckDecoy(password);
        db.Audit(
            user is not null && await users.IsLockedOutAsync(user) ? AuditAction.LockedOut : AuditAction.SignInFailed,
            nameof(LianxinUser),
            user?.Id,
            $"账号 {name} 修改密码被拒绝",
            user?.Id,
            user is null ? name : Label(user)
        );
        await db.SaveChangesAsync();
        metrics.SignIn("failed");
    }

    /// <summary>Issues a new access and refresh token for a bearer session whose refresh token was just rotated
    /// to <paramref name="generation"/>, keeping the session and the original sign-in time.</summary>
    public async Task IssueRefreshedTokenAsync(LianxinUser user, ClaimsPrincipal previous, int generation)
    {
        db.Audit(AuditAction.TokenRefreshed, nameof(LianxinUser), user.Id, "刷新接口令牌", user.Id, Label(user));
        await db.SaveChangesAsync();
        signIn.AuthenticationScheme = IdentityConstants.BearerScheme;
        await signIn.SignInWithClaimsAsync(
            user,
            new AuthenticationProperties { IsPersistent = false },
            [
                new Claim("amr", "pwd"),
                new Claim(LianxinClaims.SignedInAt, previous.FindFirstValue(LianxinClaims.SignedInAt) ?? ""),
                new Claim(LianxinClaims.SessionId, previous.FindFirstValue(LianxinClaims.SessionId) ?? ""),
                new Claim(LianxinClaims.RefreshGeneration, generation.ToString(CultureInfo.InvariantCulture)),
            ]
        );
    }

    /// <summary>Re-issues the cookie after a password change (the security stamp changed) without moving
    /// the original sign-in time.</summary>
    public async Task RefreshAfterPasswordChangeAsync(LianxinUser user, ClaimsPrincipal current)
    {
        var at = current.FindFirstValue(LianxinClaims.SignedInAt) ?? time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture);
        var props = new AuthenticationProperties { IsPersistent = false };
        signIn.AuthenticationScheme = IdentityConstants.ApplicationScheme;
        await signIn.SignInWithClaimsAsync(
            user,
            props,
            [
                new Claim("amr", "pwd"),
                new Claim(LianxinClaims.SignedInAt, at),
                new Claim(LianxinClaims.SessionId, current.FindFirstValue(LianxinClaims.SessionId) ?? ""),
            ]
        );
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

    /// <summary>Ends the principal's session on the server, so its cookie or token (and a bearer session's
    /// refresh token) stops working at once, even replayed from a copy; clears the cookie if there is one.</summary>
    public async Task SignOutAsync(ClaimsPrincipal principal, bool cookie = true)
    {
        if (UserSessions.IdOf(principal) is { } session)
            await sessions.EndAsync(session, UserSessions.SignedOut);
        if (cookie)
            await signIn.SignOutAsync();
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return;
        var name = principal.FindFirstValue(LianxinClaims.DisplayName) is { Length: > 0 } d
            ? $"{d}（{principal.Identity?.Name}）"
            : principal.Identity?.Name;
        db.Audit(AuditAction.SignOut, nameof(LianxinUser), userId, cookie ? null : "接口令牌退出", userId, name);
        await db.SaveChangesAsync();
    }

    /// <summary>Changes a password after checking the current one; clears the forced-change flag and ends every
    /// other session of the account (<paramref name="keep"/>, the session that made the change, goes on).</summary>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(
        LianxinUser user,
        string? current,
        string? next,
        string? confirm,
        Guid? keep = null
    )
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
        var ended = await sessions.EndAllAsync(user.Id, UserSessions.PasswordChanged, keep);
        db.Audit(
            AuditAction.PasswordChanged,
            nameof(LianxinUser),
            user.Id,
            ended > 0 ? $"其他 {ended} 个会话已失效" : null,
            user.Id,
            Label(user)
        );
        await db.SaveChangesAsync();
        return [];
    }

    /// <summary>The same "名字（账号）" form the audit log uses for every other line by this user.</summary>
    private static string Label(LianxinUser user) =>
        string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : $"{user.DisplayName}（{user.UserName}）";

    private async Task<SignInOutcome> Fail(LianxinUser? user, string name, string message, string code = SignInErrors.Credentials)
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
        return new SignInOutcome(false, message, Code: code);
    }
}
