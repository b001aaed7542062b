using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Access;

/// <summary>Who works over a place: active accounts whose own unit is the place or a unit above it
/// (a station's officers cover its villages, not the reverse), narrowed by role or by right.</summary>
public static class AccountsOver
{
    /// <summary>Active accounts over the unit with this path holding one of the named roles.</summary>
    public static IQueryable<LianxinUser> WithRole(LianxinDbContext db, string unitPath, params IReadOnlyCollection<string> roles)
    {
        // A list, whatever collection the caller passed, so every provider turns Contains into a parameter list.
        var names = roles.ToList();
        var roleIds = db.Roles.Where(r => names.Contains(r.Name!)).Select(r => r.Id);
        var holders = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return Over(db, unitPath).Where(u => holders.Contains(u.Id));
    }

    /// <summary>Active accounts over the unit with this path holding the right through any of their roles.</summary>
    public static IQueryable<LianxinUser> WithPermission(LianxinDbContext db, string unitPath, string permission)
    {
        var holders =
            from ur in db.UserRoles
            join rc in db.RoleClaims on ur.RoleId equals rc.RoleId
            where rc.ClaimType == Permissions.ClaimType && rc.ClaimValue == permission
            select ur.UserId;
        return Over(db, unitPath).Where(u => holders.Contains(u.Id));
    }

    /// <summary>The ids of the active accounts holding the role over the unit.</summary>
    public static async Task<List<string>> IdsWithRoleAsync(LianxinDbContext db, Guid unitId, string role, CancellationToken ct)
    {
        var path = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstAsync(ct);
        return await WithRole(db, path, role).Select(u => u.Id).ToListAsync(ct);
    }

    private static IQueryable<LianxinUser> Over(LianxinDbContext db, string unitPath)
    {
        var chain = OrgUnit.ChainOf(unitPath);
        return db.Users.AsNoTracking().Where(u => !u.IsDisabled && u.OrgUnitId != null && chain.Contains(u.OrgUnitId.Value));
    }
}
