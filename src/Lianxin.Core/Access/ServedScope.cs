using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Access;

/// <summary>The reading of a scope for what a unit offers to every place below it — the "1+8+N" partner members
/// and the volunteer activities registered at a station serve its communities too. Besides the scope itself it
/// covers the units on the chain above each of the scope's units (a community officer sees the station's judge
/// and activities), never a sibling's: a neighbouring community's records stay hidden. Only reads and picks use
/// it; writes keep the plain scope, so only those who have the station in scope edit what is registered there.</summary>
public static class ServedScope
{
    /// <summary>The scope with the ancestors of its units added as single units (records registered exactly at
    /// them). A scope of everything, or of own records only, is returned as it is.</summary>
    public static async Task<DataScope> WithUnitsAboveAsync(this DataScope scope, LianxinDbContext db, CancellationToken ct)
    {
        if (scope.All || (scope.SubtreePaths.Count == 0 && scope.Units.Count == 0))
            return scope;
        var paths = scope.SubtreePaths.ToList();
        if (scope.Units.Count > 0)
        {
            var units = scope.Units.ToList();
            paths.AddRange(await db.OrgUnits.AsNoTracking().Where(u => units.Contains(u.Id)).Select(u => u.Path).ToListAsync(ct));
        }
        var above = paths.SelectMany(OrgUnit.ChainOf).Concat(scope.Units).Distinct().ToList();
        return scope with { Units = above };
    }

    /// <summary>The caller's scope read as <see cref="WithUnitsAboveAsync(DataScope, LianxinDbContext, CancellationToken)"/>.</summary>
    public static async Task<DataScope> GetServedScopeAsync(this ICurrentUser user, LianxinDbContext db, CancellationToken ct) =>
        await (await user.GetScopeAsync(ct)).WithUnitsAboveAsync(db, ct);
}
