using System.Security.Cryptography;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Access;

/// <summary>Accounts, run by the system administrator: create, edit, disable, unlock, reset password.
/// Which roles an account holds is assigned here too, but the roles' rights are the security
/// administrator's (<see cref="RoleAdminService"/>), and no account may hold two separated duties.</summary>
public sealed class UserAdminService(
    UserManager<LianxinUser> users,
    UserSessions sessions,
    LianxinDbContext db,
    ICurrentUser me,
    TimeProvider time
)
{
    public async Task<PagedResult<UserView>> ListAsync(
        string? q,
        string? role,
        Guid? orgUnitId,
        PageRequest page,
        CancellationToken ct = default
    )
    {
        Require();
        var query = db.Users.AsNoTracking();
        if (Checks.Clean(q) is { } text)
            query = query.Where(u => u.UserName!.Contains(text) || u.DisplayName.Contains(text));
        if (orgUnitId is { } unit)
            query = query.Where(u => u.OrgUnitId == unit);
        if (Checks.Clean(role) is { } r)
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(x => x.Id == ur.RoleId && x.Name == r)));
        var list = await query.OrderBy(u => u.UserName).ToPageAsync(page, ct);
        return await list.SelectAsync(rows => ViewsAsync(rows, ct));
    }

    public async Task<UserView> GetAsync(string id, CancellationToken ct = default)
    {
        Require();
        var u = await db.Users.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        return (await ViewsAsync([u], ct))[0];
    }

    public async Task<CreatedUser> CreateAsync(UserInput input, CancellationToken ct = default)
    {
        Require();
        await ValidateAsync(input, null, ct);
        await GuardAdminRolesAsync([], input.Roles ?? [], ct);
        var user = new LianxinUser
        {
            UserName = input.UserName!.Trim(),
            DisplayName = input.DisplayName!.Trim(),
            OrgUnitId = input.OrgUnitId,
            MemberId = input.MemberId,
            IsDisabled = input.IsDisabled,
            MustChangePassword = true,
            CreatedAt = time.GetUtcNow(),
        };
        var password = GeneratePassword();
        Check(await users.CreateAsync(user, password), "userName");
        if (input.Roles is { Count: > 0 })
            Check(await users.AddToRolesAsync(user, input.Roles.Distinct()), "roles");
        return new CreatedUser(await GetAsync(user.Id, ct), password);
    }

    public async Task<UserView> UpdateAsync(string id, UserInput input, CancellationToken ct = default)
    {
        Require();
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException();
        if (input.ConcurrencyStamp is null)
            throw new ValidationFailedException("concurrencyStamp", "请提供 concurrencyStamp，以免覆盖他人的修改");
        if (input.ConcurrencyStamp != user.ConcurrencyStamp)
            throw new ConflictException("该账号已被他人修改，请刷新后再试");
        await ValidateAsync(input, user, ct);
        await GuardAccountAsync(user, ct);
        if (id == me.UserId && input.IsDisabled)
            throw new ValidationFailedException("isDisabled", "不能停用自己的账号");
        user.DisplayName = input.DisplayName!.Trim();
        user.OrgUnitId = input.OrgUnitId;
        user.MemberId = input.MemberId;
        user.IsDisabled = input.IsDisabled;
        Check(await users.UpdateAsync(user), "userName");
        var current = await users.GetRolesAsync(user);
        var wanted = (input.Roles ?? []).Distinct().ToList();
        var remove = current.Except(wanted).ToList();
        var add = wanted.Except(current).ToList();
        if ((remove.Count > 0 || add.Count > 0) && id == me.UserId)
            throw new ValidationFailedException("roles", "不能修改自己账号的角色");
        await GuardAdminRolesAsync(current, wanted, ct);
        if (remove.Count > 0)
            Check(await users.RemoveFromRolesAsync(user, remove), "roles");
        if (add.Count > 0)
            Check(await users.AddToRolesAsync(user, add), "roles");
        if (remove.Count > 0 || add.Count > 0 || input.IsDisabled)
            await users.UpdateSecurityStampAsync(user);
        if (input.IsDisabled)
            await EndSessionsAsync(user, UserSessions.AccountDisabled, "账号已停用", ct);
        return await GetAsync(id, ct);
    }

    public async Task<string> ResetPasswordAsync(string id, CancellationToken ct = default)
    {
        Require();
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException();
        await GuardAccountAsync(user, ct);
        var password = GeneratePassword();
        var token = await users.GeneratePasswordResetTokenAsync(user);
        Check(await users.ResetPasswordAsync(user, token, password), "password");
        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await EndSessionsAsync(user, UserSessions.PasswordReset, "密码已重置", ct);
        return password;
    }

    /// <summary>Ends every session of the account at once (its cookies, tokens and refresh tokens), audited.</summary>
    private async Task EndSessionsAsync(LianxinUser user, string reason, string why, CancellationToken ct)
    {
        var ended = await sessions.EndAllAsync(user.Id, reason, ct: ct);
        if (ended == 0)
            return;
        db.Audit(AuditAction.SessionsEnded, nameof(LianxinUser), user.Id, $"{why}，账号 {user.UserName} 的 {ended} 个会话已结束");
        await db.SaveChangesAsync(ct);
    }

    public async Task UnlockAsync(string id, CancellationToken ct = default)
    {
        Require();
        var user = await users.FindByIdAsync(id) ?? throw new NotFoundException();
        await GuardAccountAsync(user, ct);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }

    /// <summary>The three separated-duty accounts (system administrator, security administrator, auditor)
    /// are provisioned by the operator on the server (`account grant`, `account reset-password`), never
    /// through this service: otherwise the system administrator could make themselves an auditor, or
    /// reset the auditor's password and sign in as them.</summary>
    private async Task GuardAccountAsync(LianxinUser user, CancellationToken ct)
    {
        var roles = await users.GetRolesAsync(user);
        if (roles.Any(BuiltInRoles.SeparatedDuties.Contains))
            throw new ForbiddenException("系统管理员、安全管理员、审计员账号只能由运维人员在服务器上用命令维护");
    }

    private static Task GuardAdminRolesAsync(IEnumerable<string> current, IEnumerable<string> wanted, CancellationToken ct)
    {
        _ = ct;
        var changed = current.Except(wanted).Concat(wanted.Except(current));
        if (changed.Any(BuiltInRoles.SeparatedDuties.Contains))
            throw new ValidationFailedException(
                "roles",
                "系统管理员、安全管理员、审计员角色只能由运维人员在服务器上分配（account grant 命令）"
            );
        return Task.CompletedTask;
    }

    /// <summary>A temporary password that satisfies both profiles; the user must change it at first sign-in.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ",
            lower = "abcdefghijkmnpqrstuvwxyz",
            digits = "23456789",
            symbols = "!@#$%*?";
        var chars = new List<char>
        {
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        var all = upper + lower + digits;
        while (chars.Count < 14)
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        return new string(chars.OrderBy(_ => RandomNumberGenerator.GetInt32(1000)).ToArray());
    }

    private async Task ValidateAsync(UserInput input, LianxinUser? existing, CancellationToken ct)
    {
        var c = new Checks().Required("displayName", input.DisplayName, "姓名", TextLimits.Name);
        if (existing is null)
            c.Required("userName", input.UserName, "用户名", 64);
        var roles = (input.Roles ?? []).Distinct().ToList();
        var known = await db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Name!).ToListAsync(ct);
        foreach (var unknown in roles.Except(known))
            c.Add("roles", $"角色 {unknown} 不存在");
        if (roles.Count(BuiltInRoles.SeparatedDuties.Contains) > 1)
            c.Add("roles", "系统管理员、安全管理员、审计员三种角色须由不同账号担任");
        else if (roles.Any(BuiltInRoles.SeparatedDuties.Contains) && roles.Count > 1)
            c.Add("roles", "三员账号不能同时拥有业务角色");
        if (input.OrgUnitId is { } unit && !await db.OrgUnits.AnyAsync(u => u.Id == unit, ct))
            c.Add("orgUnitId", "所属单位不存在");
        if (input.MemberId is { } member && !await db.Members.AnyAsync(m => m.Id == member, ct))
            c.Add("memberId", "关联人员不存在");
        c.ThrowIfAny();
    }

    private async Task<List<UserView>> ViewsAsync(List<LianxinUser> list, CancellationToken ct)
    {
        var ids = list.Select(u => u.Id).ToList();
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ids.Contains(ur.UserId)
            select new { ur.UserId, r.Name }
        ).ToListAsync(ct);
        var unitIds = list.Where(u => u.OrgUnitId != null).Select(u => u.OrgUnitId!.Value).Distinct().ToList();
        var units = await db.OrgUnits.Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var now = time.GetUtcNow();
        return list.Select(u => new UserView(
                u.Id,
                u.UserName ?? "",
                u.DisplayName,
                u.OrgUnitId,
                u.OrgUnitId is { } o && units.TryGetValue(o, out var n) ? n : null,
                u.MemberId,
                roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).OrderBy(x => x).ToList(),
                u.IsDisabled,
                u.LockoutEnd > now,
                u.MustChangePassword,
                u.CreatedAt,
                u.ConcurrencyStamp ?? ""
            ))
            .ToList();
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new ValidationFailedException(field, string.Join("；", result.Errors.Select(e => e.Description)));
    }

    private void Require()
    {
        if (!me.Has(Permissions.UsersManage))
            throw new ForbiddenException();
    }
}
