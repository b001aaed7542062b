using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Organization;

/// <summary>The counts on the home page, within the viewer's scope.</summary>
public sealed class HomeStatsService(LianxinDbContext db, ICurrentUser user)
{
    public async Task<HomeStats> GetAsync(CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        var units = await db
            .OrgUnits.Where(scope.UnitFilter())
            .Where(u => !u.IsRetired)
            .GroupBy(u => u.Kind)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        var residents = user.Has(Lianxin.Core.Access.Permissions.PeopleRead)
            ? await scope.WithinStations(db.Residents.Where(scope.Filter<Resident>())).CountAsync(ct)
            : 0;
        var members = user.Has(Lianxin.Core.Access.Permissions.MembersRead)
            ? await db
                .Members.Where(scope.Filter<Member>())
                .Where(m => m.IsActive)
                .GroupBy(m => m.Kind)
                .Select(g => new { g.Key, Count = g.Count() })
                .ToListAsync(ct)
            : [];
        return new HomeStats(
            units.OrderBy(u => u.Key).Select(u => (u.Key.Label(), u.Count)).ToList(),
            residents,
            members.Sum(m => m.Count),
            members.OrderBy(m => m.Key).Select(m => (m.Key.Label(), m.Count)).ToList()
        );
    }
}
