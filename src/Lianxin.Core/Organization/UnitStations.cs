using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

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
        return distinct.ToDictionary(p => p, p => StationOn(p, stations));
    }

    /// <summary>The station on a unit's path, given which units are stations; null for a path above every station.</summary>
    public static Guid? StationOn(string path, IReadOnlySet<Guid> stations) =>
        OrgUnit.ChainOf(path).Where(stations.Contains).Select(id => (Guid?)id).FirstOrDefault();

    /// <summary>Sets the station of the residents a save places (added, or moved to another unit), as the save's own pass
    /// over its entries found them (<see cref="Places"/>), so a save that places none pays nothing more.</summary>
    public static async Task StampAsync(LianxinDbContext db, List<EntityEntry> placing, CancellationToken ct)
    {
        if (placing.Count == 0)
            return;
        var unitIds = placing.Select(e => ((Resident)e.Entity).OrgUnitId).ToHashSet();
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
            e.Property(nameof(Resident.StationId)).CurrentValue = paths.TryGetValue(((Resident)e.Entity).OrgUnitId, out var path)
                ? stations[path]
                : null;
    }

    /// <summary>Whether a saved entry places a resident: added, or its unit changed.</summary>
    public static bool Places(EntityEntry e) =>
        e.Entity is Resident
        && (e.State == EntityState.Added || (e.State == EntityState.Modified && e.Property(nameof(Resident.OrgUnitId)).IsModified));
}
