using Lianxin.Core.Data;
using Lianxin.Core.Incidents.Repeats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lianxin.Core.Upkeep;

/// <summary>
/// Turns the repeat clusters stored before groups (one per key: a quarrel between two flats made six) into
/// repeated-incident groups, once, at start-up after the migrations: every cluster gets its opening key as a key row
/// (brought by its first incident), every member the key it joined by, and clusters that hold a common incident are
/// merged into the oldest (<see cref="RepeatCluster.Absorb"/>: members, keys, span, focus-list state, notes and
/// dispute). Each step only does what is left, so the run is idempotent and an interrupted one is finished by the next
/// start; done, it is recorded in <see cref="RollupState"/> under <see cref="StateName"/> and skipped after.
/// </summary>
public static class RepeatGroupUpkeep
{
    public const string StateName = "repeat-groups";
    public const int Version = 1;
    private const int Chunk = 500;
    private const long LockKey = 0x4C7852477270; // "LxRGrp"

    public sealed record Result(bool Ran, int KeysAdded, int MembersFilled, int GroupsMerged)
    {
        public static readonly Result Skipped = new(false, 0, 0, 0);
    }

    public static async Task<Result> EnsureCurrentAsync(LianxinDbContext db, ILogger? log = null, CancellationToken ct = default) =>
        await OneTimeUpkeep.RunAsync(
            db,
            StateName,
            Version,
            LockKey,
            async () =>
            {
                var result = await RunAsync(db, ct);
                if (result.KeysAdded + result.MembersFilled + result.GroupsMerged > 0)
                    log?.LogInformation(
                        "Repeat clusters made groups: {Keys} keys recorded, {Members} members given their key, {Merged} clusters merged",
                        result.KeysAdded,
                        result.MembersFilled,
                        result.GroupsMerged
                    );
                return (result, result.GroupsMerged);
            },
            ct
        ) ?? Result.Skipped;

    /// <summary>The three steps, each doing only what is left (safe to run again at any time).</summary>
    public static async Task<Result> RunAsync(LianxinDbContext db, CancellationToken ct = default)
    {
        var keys = await AddOpeningKeysAsync(db, ct);
        var members = await FillJoinedKeysAsync(db, ct);
        var merged = await MergeSharingAsync(db, ct);
        return new Result(true, keys, members, merged);
    }

    /// <summary>Each cluster without key rows gets the key it was opened by, brought by its first incident.</summary>
    private static async Task<int> AddOpeningKeysAsync(LianxinDbContext db, CancellationToken ct)
    {
        var added = 0;
        var last = Guid.Empty;
        while (true)
        {
            var rows = await db
                .RepeatClusters.AsNoTracking()
                .Where(c => c.Id.CompareTo(last) > 0)
                .OrderBy(c => c.Id)
                .Take(Chunk)
                .Select(c => new
                {
                    c.Id,
                    c.Kind,
                    c.Key,
                    c.Label,
                    HasKeys = c.Keys.Any(),
                    First = db
                        .RepeatClusterMembers.Where(m => m.ClusterId == c.Id)
                        .Join(db.Incidents, m => m.IncidentId, i => i.Id, (m, i) => i)
                        .OrderBy(i => i.ReceivedAt)
                        .ThenBy(i => i.Id)
                        .Select(i => (Guid?)i.Id)
                        .FirstOrDefault(),
                })
                .ToListAsync(ct);
            if (rows.Count == 0)
                break;
            var missing = rows.Where(r => !r.HasKeys && r.First is not null).ToList();
            if (missing.Count > 0)
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                foreach (var r in missing)
                    db.RepeatClusterKeys.Add(
                        new RepeatClusterKey
                        {
                            ClusterId = r.Id,
                            Kind = r.Kind,
                            Key = r.Key,
                            Label = r.Label,
                            IncidentId = r.First!.Value,
                        }
                    );
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                db.ChangeTracker.Clear();
                added += missing.Count;
            }
            last = rows[^1].Id;
            if (rows.Count < Chunk)
                break;
        }
        return added;
    }

    /// <summary>Members stored before they kept a key joined by their cluster's key (the only one it had).</summary>
    private static Task<int> FillJoinedKeysAsync(LianxinDbContext db, CancellationToken ct) =>
        db
            .RepeatClusterMembers.Where(m => m.JoinedKey == null)
            .ExecuteUpdateAsync(
                s =>
                    s.SetProperty(
                            m => m.JoinedKind,
                            m => db.RepeatClusters.Where(c => c.Id == m.ClusterId).Select(c => (RepeatClusterKind?)c.Kind).FirstOrDefault()
                        )
                        .SetProperty(
                            m => m.JoinedKey,
                            m => db.RepeatClusters.Where(c => c.Id == m.ClusterId).Select(c => c.Key).FirstOrDefault()
                        ),
                ct
            );

    /// <summary>Clusters that hold a common incident are one problem: each connected set is merged into its oldest
    /// cluster, one transaction per set. Returns how many clusters were merged away.</summary>
    private static async Task<int> MergeSharingAsync(LianxinDbContext db, CancellationToken ct)
    {
        var shared = db.RepeatClusterMembers.GroupBy(m => m.IncidentId).Where(g => g.Count() > 1).Select(g => g.Key);
        var links = await db
            .RepeatClusterMembers.AsNoTracking()
            .Where(m => shared.Contains(m.IncidentId))
            .Select(m => new { m.IncidentId, m.ClusterId })
            .ToListAsync(ct);
        if (links.Count == 0)
            return 0;
        // Connected sets of clusters through their common incidents (union-find over cluster ids).
        var parent = new Dictionary<Guid, Guid>();
        Guid Find(Guid x)
        {
            while (parent.TryGetValue(x, out var p) && p != x)
                x = parent[x] = parent.TryGetValue(p, out var pp) ? pp : p;
            return x;
        }
        foreach (var byIncident in links.GroupBy(l => l.IncidentId))
        {
            var clusters = byIncident.Select(l => l.ClusterId).ToList();
            foreach (var c in clusters)
                parent.TryAdd(c, c);
            var root = Find(clusters[0]);
            foreach (var c in clusters.Skip(1))
            {
                var other = Find(c);
                if (other != root)
                    parent[other] = root;
            }
        }
        var sets = parent.Keys.GroupBy(Find).Select(g => g.ToList()).Where(g => g.Count > 1).ToList();
        var merged = 0;
        foreach (var set in sets)
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var clusters = await db
                .RepeatClusters.Include(c => c.Members)
                .Include(c => c.Keys)
                .Where(c => set.Contains(c.Id))
                .ToListAsync(ct);
            var ordered = clusters.OrderBy(c => c.FirstAt).ThenBy(c => c.CreatedAt).ThenBy(c => c.Id).ToList();
            var survivor = ordered[0];
            var held = survivor.Members.Select(m => m.IncidentId).ToHashSet();
            foreach (var other in ordered.Skip(1))
            {
                survivor.Absorb(other);
                foreach (var k in other.Keys)
                    if (!survivor.Keys.Any(x => x.Kind == k.Kind && x.Key == k.Key))
                        survivor.AddKey(k.Kind, k.Key, k.Label, k.IncidentId);
                foreach (var m in other.Members)
                    if (held.Add(m.IncidentId))
                        survivor.Adopt(m.IncidentId, m.JoinedKind, m.JoinedKey);
                await db
                    .FocusNotes.Where(n => n.ClusterId == other.Id)
                    .ExecuteUpdateAsync(u => u.SetProperty(n => n.ClusterId, survivor.Id), ct);
                db.RepeatClusters.Remove(other);
                merged++;
            }
            survivor.Recount(held.Count);
            db.Audit(
                Audit.AuditAction.Update,
                nameof(RepeatCluster),
                survivor.Id.ToString(),
                $"重复警情合并为一组：并入 {ordered.Count - 1} 组，共 {held.Count} 起"
            );
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            db.ChangeTracker.Clear();
        }
        return merged;
    }
}
