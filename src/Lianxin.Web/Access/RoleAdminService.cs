using System.Security.Claims;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Access;

/// <summary>Roles, their permissions and their data scope: the security administrator's work.</summary>
public sealed class RoleAdminService(RoleManager<LianxinRole> roles, UserManager<LianxinUser> users, LianxinDbContext db, ICurrentUser me)
{
    public async Task<IReadOnlyList<RoleView>> ListAsync(CancellationToken ct = default)
    {
        if (!me.Has(Permissions.RolesManage) && !me.Has(Permissions.UsersManage))
            throw new ForbiddenException();
        var list = await db.Roles.AsNoTracking().OrderBy(r => r.Name).ToListAsync(ct);
        var claims = await db.RoleClaims.AsNoTracking().Where(c => c.ClaimType == Permissions.ClaimType).ToListAsync(ct);
        var counts = await db
            .UserRoles.GroupBy(ur => ur.RoleId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        return list.Select(r => new RoleView(
                r.Id,
                r.Name!,
                r.DisplayName,
                claims.Where(c => c.RoleId == r.Id).Select(c => c.ClaimValue!).OrderBy(x => x).ToList(),
                r.Scope,
                r.Scope.Label(),
                r.ChosenUnitIds,
                r.IsBuiltIn,
                counts.GetValueOrDefault(r.Id),
                r.ConcurrencyStamp ?? ""
            ))
            .ToList();
    }

    public async Task<RoleView> CreateAsync(RoleInput input, CancellationToken ct = default)
    {
        Require();
        await ValidateAsync(input, creating: true, ct);
        var role = new LianxinRole(input.Name!.Trim())
        {
            DisplayName = input.DisplayName!.Trim(),
            Scope = input.Scope!.Value,
            ChosenUnitIds = input.ChosenUnitIds ?? [],
        };
        Check(await roles.CreateAsync(role));
        foreach (var p in (input.Permissions ?? []).Distinct())
            Check(await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, p)));
        return (await ListAsync(ct)).First(r => r.Id == role.Id);
    }

    public async Task<RoleView> UpdateAsync(string id, RoleInput input, CancellationToken ct = default)
    {
        Require();
        var role = await roles.FindByIdAsync(id) ?? throw new NotFoundException();
        if (BuiltInRoles.SeparatedDuties.Contains(role.Name!))
            throw new ForbiddenException("系统管理员、安全管理员、审计员角色的权限是固定的，不能修改");
        if (input.ConcurrencyStamp is null)
            throw new ValidationFailedException("concurrencyStamp", "请提供 concurrencyStamp，以免覆盖他人的修改");
        if (input.ConcurrencyStamp != role.ConcurrencyStamp)
            throw new ConflictException("该角色已被他人修改，请刷新后再试");
        await ValidateAsync(input with { Name = role.Name }, creating: false, ct);
        role.DisplayName = input.DisplayName!.Trim();
        role.Scope = input.Scope!.Value;
        role.ChosenUnitIds = role.Scope == ScopeKind.ChosenUnits ? input.ChosenUnitIds ?? [] : [];
        Check(await roles.UpdateAsync(role));
        var current = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).ToList();
        var wanted = (input.Permissions ?? []).Distinct().ToHashSet();
        foreach (var c in current.Where(c => !wanted.Contains(c.Value)))
            Check(await roles.RemoveClaimAsync(role, c));
        foreach (var p in wanted.Where(p => current.All(c => c.Value != p)))
            Check(await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, p)));
        // Holders pick up the new rights at their next request instead of at their next sign-in.
        foreach (var u in await users.GetUsersInRoleAsync(role.Name!))
            await users.UpdateSecurityStampAsync(u);
        return (await ListAsync(ct)).First(r => r.Id == role.Id);
    }

    public async Task DeleteAsync(string id, CancellationToken ct = default)
    {
        Require();
        var role = await roles.FindByIdAsync(id) ?? throw new NotFoundException();
        if (role.IsBuiltIn)
            throw new ConflictException("内置角色不能删除，可以修改其权限");
        if (await db.UserRoles.AnyAsync(ur => ur.RoleId == id, ct))
            throw new ConflictException("还有账号拥有该角色，请先调整这些账号");
        Check(await roles.DeleteAsync(role));
    }

    private async Task ValidateAsync(RoleInput input, bool creating, CancellationToken ct)
    {
        var c = new Checks().Required("displayName", input.DisplayName, "角色名称", TextLimits.Name);
        if (creating)
        {
            c.Required("name", input.Name, "角色标识", TextLimits.Code);
            if (input.Name is { } n && n.Trim().Any(ch => !(char.IsAsciiLetterLower(ch) || char.IsAsciiDigit(ch) || ch == '-')))
                c.Add("name", "角色标识只能包含小写字母、数字和横线");
        }
        if (input.Scope is null || !Enum.IsDefined(input.Scope.Value))
            c.Add("scope", "请选择数据范围");
        foreach (var p in (input.Permissions ?? []).Where(p => !Permissions.Descriptions.ContainsKey(p)))
            c.Add("permissions", $"权限 {p} 不存在");
        foreach (var p in (input.Permissions ?? []).Where(Permissions.AdministrativeOnly.Contains))
            c.Add("permissions", $"权限 {p} 只属于三员角色，不能授予其他角色");
        if (input.Scope == ScopeKind.ChosenUnits)
        {
            var ids = input.ChosenUnitIds ?? [];
            if (ids.Count == 0)
                c.Add("chosenUnitIds", "“指定单位”范围须至少选择一个单位");
            else if (await db.OrgUnits.CountAsync(u => ids.Contains(u.Id), ct) != ids.Distinct().Count())
                c.Add("chosenUnitIds", "所选单位不存在");
        }
        c.ThrowIfAny();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new ValidationFailedException("name", string.Join("；", result.Errors.Select(e => e.Description)));
    }

    private void Require()
    {
        if (!me.Has(Permissions.RolesManage))
            throw new ForbiddenException();
    }
}
