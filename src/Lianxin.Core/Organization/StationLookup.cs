using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Organization;

/// <summary>The station a unit belongs to, read from the unit's path in one query.</summary>
public static class StationLookup
{
    /// <summary>The nearest station at or above the unit with this path; the top unit of the path when there is none.</summary>
    public static async Task<OrgUnit> StationOfAsync(LianxinDbContext db, string path, CancellationToken ct)
    {
        var chain = OrgUnit.ChainOf(path);
        var units = await db.OrgUnits.AsNoTracking().Where(u => chain.Contains(u.Id)).ToListAsync(ct);
        return units.Where(u => u.Kind == OrgUnitKind.Station).OrderByDescending(u => u.Depth).FirstOrDefault()
            ?? units.OrderBy(u => u.Depth).First();
    }
}
