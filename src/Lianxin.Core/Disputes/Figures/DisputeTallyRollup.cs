using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lianxin.Core.Disputes.Figures;

/// <summary>Keeps <see cref="DisputeTally"/> rows current. Every save that adds to a dispute's timeline
/// (or registers one) adds the difference between what the dispute contributed before and after, as
/// atomic increments in the same transaction, so two nodes saving different disputes of one unit and day
/// never lose each other's counts and a failed save leaves the counts as they were. A full rebuild
/// recomputes them from the timelines: after a bulk load, and on start-up when the rules' version
/// (<see cref="Version"/>) is newer than the one the rows were built with.</summary>
public static class DisputeTallyRollup
{
    /// <summary>Raise when <see cref="Contribution"/> changes, so stored tallies are rebuilt on the next start.</summary>
    public const int Version = 2;

    public const string RollupName = "DisputeDailyTallies";

    /// <summary>What one dispute adds to the tallies, by unit and day. Everything is read from the
    /// registration and the timeline; a dispute reopened or referred twice adds only its registration.</summary>
    public static IReadOnlyList<DisputeTally> Contribution(Guid orgUnitId, DateTimeOffset registeredAt, IEnumerable<DisputeEvent> events)
    {
        var result = new Dictionary<DateOnly, DisputeTally>();
        DisputeTally At(DateTimeOffset instant)
        {
            var day = ChinaTime.Day(instant);
            if (!result.TryGetValue(day, out var tally))
                result[day] = tally = new DisputeTally { OrgUnitId = orgUnitId, Day = day };
            return tally;
        }

        At(registeredAt).Accepted++;
        DisputeEvent? resolution = null;
        DisputeEvent? referral = null;
        var referrals = 0;
        foreach (var e in events)
        {
            if (e.Kind == DisputeEventKind.Reopened)
                return [.. result.Values];
            if (e.Kind == DisputeEventKind.Referred && ++referrals > 1)
                return [.. result.Values];
            if (e.Kind == DisputeEventKind.Referred)
                referral = e;
            if (DisputeFigureRules.IsResolution(e.Kind, e.ToStatus))
                resolution = e;
        }
        if (resolution is not null)
        {
            var day = At(resolution.At);
            day.Resolved++;
            day.MillisecondsToResolve += (resolution.At - registeredAt).Ticks / TimeSpan.TicksPerMillisecond;
            if (resolution.Kind == DisputeEventKind.Resolved)
            {
                switch (resolution.ToLevel)
                {
                    case MediationLevel.HouseholdHead:
                        day.ResolvedLevel1++;
                        break;
                    case MediationLevel.Village:
                        day.ResolvedLevel2++;
                        break;
                    case MediationLevel.PoliceOffice:
                        day.ResolvedLevel3++;
                        break;
                    case MediationLevel.County:
                        day.ResolvedLevel4++;
                        break;
                }
            }
            At(registeredAt).AcceptedResolved++;
        }
        if (referral is not null)
            At(referral.At).Referred++;
        return [.. result.Values];
    }

    /// <summary>The changes the pending save makes to the tallies: for each registered dispute, or one
    /// whose timeline grows, its contribution after the save minus its contribution before (its events
    /// already stored, under its stored unit). The timeline is owned by the dispute and always loaded with it.</summary>
    internal static List<DisputeTally> PendingChanges(ChangeTracker tracker)
    {
        var deltas = new Dictionary<(Guid, DateOnly), DisputeTally>();
        void Apply(IEnumerable<DisputeTally> tallies, int sign) => AddTo(deltas, tallies, sign);

        foreach (var entry in tracker.Entries<Dispute>())
        {
            var dispute = entry.Entity;
            switch (entry.State)
            {
                case EntityState.Added:
                    Apply(Contribution(dispute.OrgUnitId, dispute.RegisteredAt, dispute.Events), +1);
                    break;
                case EntityState.Deleted:
                    Apply(
                        Contribution(
                            Original(entry, d => d.OrgUnitId),
                            Original(entry, d => d.RegisteredAt),
                            dispute.Events.Where(e => tracker.Context.Entry(e).State != EntityState.Added)
                        ),
                        -1
                    );
                    break;
                case EntityState.Modified or EntityState.Unchanged:
                    var grew = dispute.Events.Any(e => tracker.Context.Entry(e).State == EntityState.Added);
                    var moved = entry.Property(d => d.OrgUnitId).IsModified || entry.Property(d => d.RegisteredAt).IsModified;
                    if (!grew && !moved)
                        break;
                    Apply(
                        Contribution(
                            Original(entry, d => d.OrgUnitId),
                            Original(entry, d => d.RegisteredAt),
                            dispute.Events.Where(e => tracker.Context.Entry(e).State != EntityState.Added)
                        ),
                        -1
                    );
                    Apply(Contribution(dispute.OrgUnitId, dispute.RegisteredAt, dispute.Events), +1);
                    break;
            }
        }
        // Ordered by key, so two transactions touching the same rows lock them in the same order.
        return [.. deltas.Values.Where(d => !d.IsZero).OrderBy(d => d.OrgUnitId).ThenBy(d => d.Day)];
    }

    /// <summary>Adds (or with -1 takes away) tallies into a set keyed by unit and day.</summary>
    private static void AddTo(Dictionary<(Guid, DateOnly), DisputeTally> into, IEnumerable<DisputeTally> tallies, int sign)
    {
        foreach (var t in tallies)
        {
            if (!into.TryGetValue((t.OrgUnitId, t.Day), out var sum))
                into[(t.OrgUnitId, t.Day)] = sum = new DisputeTally { OrgUnitId = t.OrgUnitId, Day = t.Day };
            sum.Add(t, sign);
        }
    }

    private static T Original<T>(EntityEntry<Dispute> entry, System.Linq.Expressions.Expression<Func<Dispute, T>> property) =>
        entry.Property(property).OriginalValue;

    /// <summary>Adds the changes to the stored rows, each as one INSERT … ON CONFLICT DO UPDATE that adds
    /// to the counts in place (the same statement on SQLite and PostgreSQL). Runs inside the caller's transaction.</summary>
    internal static async Task ApplyAsync(LianxinDbContext db, IReadOnlyList<DisputeTally> changes, CancellationToken ct)
    {
        await RollupUpsert.AddAsync(db, changes, [nameof(DisputeTally.OrgUnitId), nameof(DisputeTally.Day)], ct);
    }

    /// <summary>Recomputes every tally from the disputes' timelines, replacing what is stored, and records
    /// the rules' version. The disputes are streamed, so memory holds the tallies, not the disputes.</summary>
    public static Task RebuildAsync(LianxinDbContext db, IBulkWriter writer, CancellationToken ct = default) =>
        RebuildAsync(db, writer, onlyIfStale: false, ct);

    /// <summary>Rebuilds when the stored tallies were built by older rules, or never (a database that had
    /// disputes before the tallies existed). Returns whether it rebuilt. Nodes starting together take
    /// turns (a lock on PostgreSQL, the single writer on SQLite); the later one finds the work done.</summary>
    public static Task<bool> EnsureCurrentAsync(LianxinDbContext db, IBulkWriter writer, CancellationToken ct = default) =>
        RebuildAsync(db, writer, onlyIfStale: true, ct);

    private static Task<bool> RebuildAsync(LianxinDbContext db, IBulkWriter writer, bool onlyIfStale, CancellationToken ct) =>
        RollupRebuild.RunAsync<DisputeTally>(
            db,
            writer,
            RollupName,
            Version,
            RebuildLockKey,
            onlyIfStale,
            async ct =>
            {
                var totals = new Dictionary<(Guid, DateOnly), DisputeTally>();
                var disputes = db
                    .Disputes.AsNoTracking()
                    .IgnoreAutoIncludes()
                    .Select(d => new
                    {
                        d.OrgUnitId,
                        d.RegisteredAt,
                        Events = d
                            .Events.AsQueryable()
                            .Where(DisputeFigureRules.ReadByFigures)
                            .Select(e => new
                            {
                                e.Kind,
                                e.At,
                                e.ToStatus,
                                e.ToLevel,
                            })
                            .ToList(),
                    })
                    .AsAsyncEnumerable();
                await foreach (var d in disputes.WithCancellation(ct))
                {
                    var events = d.Events.OrderBy(e => e.At).Select(e => DisputeEvent.ForFigures(e.Kind, e.At, e.ToStatus, e.ToLevel));
                    AddTo(totals, Contribution(d.OrgUnitId, d.RegisteredAt, events), +1);
                }
                return totals.Values.Where(t => !t.IsZero).OrderBy(t => t.OrgUnitId).ThenBy(t => t.Day).ToList();
            },
            ct
        );

    private const long RebuildLockKey = 0x4C78546C6C79; // "LxTlly"
}
