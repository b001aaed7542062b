using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Organization;

/// <summary>Which station a unit lies under (the station on its path, or null for a unit above any station), for
/// records that carry their station (<see cref="IStationed"/>) and for data scopes.</summary>
public static class UnitStations
{
    /// <summary>The station of each path, with one read of the stations among the paths' units (units the context
    /// tracks but has not saved yet count too).</summary>
    public static async Task<Dictionary<string, Guid?>> OfPathsAsync(LianxinDbContext db, IEnumerable<string> paths, CancellationToken ct)
    {
        var distinct = paths.Distinct().ToList();
        var chain = distinct.SelectMany(OrgUnit.ChainOf).Distinct().ToList();
        var stations = db.OrgUnits.Local.Where(u => u.Kind == OrgUnitKind.Station).Select(u => u.Id).ToHashSet();
        if (chain.Count > 0)
            stations.UnionWith(
                await db
                    .OrgUnits.AsNoTracking()
                    .Where(u => u.Kind == OrgUnitKind.Station && chain.Contains(u.Id))
                    .Select(u => u.Id)
                    .ToListAsync(ct)
            );
        return distinct.ToDictionary(p => p, p => OrgUnit.ChainOf(p).Where(stations.Contains).Select(id => (Guid?)id).FirstOrDefault());
    }

    /// <summary>Sets the station of every resident the save places (added, or moved to another unit).</summary>
    public static async Task StampAsync(LianxinDbContext db, CancellationToken ct)
    {
        var placing = db
            .ChangeTracker.Entries<Resident>()
            .Where(e => e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(r => r.OrgUnitId).IsModified))
            .ToList();
        if (placing.Count == 0)
            return;
        var unitIds = placing.Select(e => e.Entity.OrgUnitId).ToHashSet();
        var paths = db.OrgUnits.Local.Where(u => unitIds.Contains(u.Id)).ToDictionary(u => u.Id, u => u.Path);
        var missing = unitIds.Where(id => !paths.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (
                var u in await db
                    .OrgUnits.AsNoTracking()
                    .Where(u => missing.Contains(u.Id))
                    .Select(u => new { u.Id, u.Path })
                    .ToListAsync(ct)
            )
                paths[u.Id] = u.Path;
        var stations = await OfPathsAsync(db, paths.Values, ct);
        foreach (var e in placing)
            e.Property(r => r.StationId).CurrentValue = paths.TryGetValue(e.Entity.OrgUnitId, out var path) ? stations[path] : null;
    }
}
