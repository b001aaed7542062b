using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Access;

/// <summary>The one check for a unit that a request names (a filter, the unit a record is written to).</summary>
public static class UnitScope
{
    public const string OutOfScope = "该单位不在您的管辖范围内";

    /// <summary>Loads the unit (untracked) and refuses with 403 unless it lies inside the scope. A unit
    /// that does not exist gets the same answer, so ids outside one's scope cannot be probed.</summary>
    public static async Task<OrgUnit> UnitInScopeAsync(this LianxinDbContext db, DataScope scope, Guid unitId, CancellationToken ct)
    {
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct);
        if (unit is null || !scope.Covers(unit))
            throw new ForbiddenException(OutOfScope);
        return unit;
    }

    /// <summary>As <see cref="UnitInScopeAsync(LianxinDbContext, DataScope, Guid, CancellationToken)"/>,
    /// with the acting user's scope.</summary>
    public static async Task<OrgUnit> UnitInScopeAsync(this LianxinDbContext db, ICurrentUser user, Guid unitId, CancellationToken ct) =>
        await db.UnitInScopeAsync(await user.GetScopeAsync(ct), unitId, ct);
}
