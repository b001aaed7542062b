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
    public const int Version = 3;

    public const string RollupName = "DisputeDailyTallies";

    /// <summary>What one dispute adds to the tallies, by unit and day, read from the registration and the
    /// timeline. With several steps of one kind (a dispute reopened, or referred twice) each step's row names
    /// the days of the neighbouring steps that would stand for the dispute instead, so that in any period
    /// exactly one of them counts (<see cref="DisputeTally.PreviousDay"/>), by the rules of
    /// <see cref="DisputeFigureRules.Tally"/>:
    /// <list type="bullet">
    /// <item>resolved, referred, recurred: the period's first such step (no earlier one in the period);</item>
    /// <item>the time to resolve: the period's last resolution (no later one in the period);</item>
    /// <item>the level: the period's first resolution at the period's highest level (no earlier one at that
    /// level or above, no later one above it); a referral's resolution or one without a level is above every level.</item>
    /// </list></summary>
    public static IReadOnlyList<DisputeTally> Contribution(Guid orgUnitId, DateTimeOffset registeredAt, IEnumerable<DisputeEvent> events)
    {
        var result = new Dictionary<(DateOnly, DateOnly, DateOnly), DisputeTally>();
        DisputeTally At(DateOnly day, DateOnly? previous = null, DateOnly? next = null)
        {
            var key = (day, previous ?? DateOnly.MinValue, next ?? DateOnly.MaxValue);
            if (!result.TryGetValue(key, out var tally))
                result[key] = tally = new DisputeTally
                {
                    OrgUnitId = orgUnitId,
                    Day = key.day,
                    PreviousDay = key.Item2,
                    NextDay = key.Item3,
                };
            return tally;
        }

        // In time order, steps at the same instant by their content, so the rows do not depend on the order loaded.
        var steps = events
            .OrderBy(e => e.At)
            .ThenBy(e => e.Kind)
            .ThenBy(e => e.ToStatus)
            .ThenBy(e => e.ToLevel)
            .Select(e => (Event: e, Day: ChinaTime.Day(e.At)))
            .ToList();
        var resolutions = steps.Where(s => DisputeFigureRules.IsResolution(s.Event.Kind, s.Event.ToStatus)).ToList();
        var reopenings = steps.Where(s => s.Event.Kind == DisputeEventKind.Reopened).Select(s => s.Event.At).ToList();
        bool ReopenedAfter(DateTimeOffset at) => reopenings.Any(r => r > at);

        var registered = ChinaTime.Day(registeredAt);
        At(registered).Accepted++;
        if (resolutions.Any(r => !ReopenedAfter(r.Event.At)))
            At(registered).AcceptedResolved++;

        // A referral's receiver's resolution, or one without a level, is above every level.
        static int Rank(DisputeEvent e) => e.Kind == DisputeEventKind.Resolved && e.ToLevel is { } level ? (int)level : int.MaxValue;
        DateOnly? recurred = null;
        for (var i = 0; i < resolutions.Count; i++)
        {
            var (e, day) = resolutions[i];
            At(day, previous: i > 0 ? resolutions[i - 1].Day : null).Resolved++;
            At(day, next: i + 1 < resolutions.Count ? resolutions[i + 1].Day : null).MillisecondsToResolve +=
                (e.At - registeredAt).Ticks / TimeSpan.TicksPerMillisecond;
            var rank = Rank(e);
            if (rank != int.MaxValue)
            {
                var atOrAbove = resolutions.Take(i).LastOrDefault(r => Rank(r.Event) >= rank);
                var above = resolutions.Skip(i + 1).FirstOrDefault(r => Rank(r.Event) > rank);
                var row = At(day, atOrAbove.Event is null ? null : atOrAbove.Day, above.Event is null ? null : above.Day);
                switch ((MediationLevel)rank)
                {
                    case MediationLevel.HouseholdHead:
                        row.ResolvedLevel1++;
                        break;
                    case MediationLevel.Village:
                        row.ResolvedLevel2++;
                        break;
                    case MediationLevel.PoliceOffice:
                        row.ResolvedLevel3++;
                        break;
                    case MediationLevel.County:
                        row.ResolvedLevel4++;
                        break;
                }
            }
            if (ReopenedAfter(e.At))
            {
                At(day, previous: recurred).Recurred++;
                recurred = day;
            }
        }
        DateOnly? referred = null;
        foreach (var (e, day) in steps.Where(s => s.Event.Kind == DisputeEventKind.Referred))
        {
            At(day, previous: referred).Referred++;
            referred = day;
        }
        return [.. result.Values];
    }

    /// <summary>The changes the pending save makes to the tallies: for each registered dispute, or one
    /// whose timeline grows, its contribution after the save minus its contribution before (its events
    /// already stored, under its stored unit). The timeline is owned by the dispute and always loaded with it.</summary>
    internal static List<DisputeTally> PendingChanges(ChangeTracker tracker)
    {
        var deltas = new Dictionary<(Guid, DateOnly, DateOnly, DateOnly), DisputeTally>();
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
        return
        [
            .. deltas
                .Values.Where(d => !d.IsZero)
                .OrderBy(d => d.OrgUnitId)
                .ThenBy(d => d.Day)
                .ThenBy(d => d.PreviousDay)
                .ThenBy(d => d.NextDay),
        ];
    }

    /// <summary>Adds (or with -1 takes away) tallies into a set keyed by unit and day.</summary>
    private static void AddTo(
        Dictionary<(Guid, DateOnly, DateOnly, DateOnly), DisputeTally> into,
        IEnumerable<DisputeTally> tallies,
        int sign
    )
    {
        foreach (var t in tallies)
        {
            var key = (t.OrgUnitId, t.Day, t.PreviousDay, t.NextDay);
            if (!into.TryGetValue(key, out var sum))
                into[key] = sum = new DisputeTally
                {
                    OrgUnitId = t.OrgUnitId,
                    Day = t.Day,
                    PreviousDay = t.PreviousDay,
                    NextDay = t.NextDay,
                };
            sum.Add(t, sign);
        }
    }

    /// <summary>The tallies' key: a unit's day, and the neighbouring steps' days of the rows that count in fewer periods.</summary>
    public static IReadOnlyCollection<string> KeyProperties { get; } =
    [nameof(DisputeTally.OrgUnitId), nameof(DisputeTally.Day), nameof(DisputeTally.PreviousDay), nameof(DisputeTally.NextDay)];

    private static T Original<T>(EntityEntry<Dispute> entry, System.Linq.Expressions.Expression<Func<Dispute, T>> property) =>
        entry.Property(property).OriginalValue;

    /// <summary>Adds the changes to the stored rows, each as one INSERT … ON CONFLICT DO UPDATE that adds
    /// to the counts in place (the same statement on SQLite and PostgreSQL). Runs inside the caller's transaction.</summary>
    internal static async Task ApplyAsync(LianxinDbContext db, IReadOnlyList<DisputeTally> changes, CancellationToken ct)
    {
        await RollupUpsert.AddAsync(db, changes, KeyProperties, ct);
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
                var totals = new Dictionary<(Guid, DateOnly, DateOnly, DateOnly), DisputeTally>();
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
                return totals
                    .Values.Where(t => !t.IsZero)
                    .OrderBy(t => t.OrgUnitId)
                    .ThenBy(t => t.Day)
                    .ThenBy(t => t.PreviousDay)
                    .ThenBy(t => t.NextDay)
                    .ToList();
            },
            ct
        );

    private const long RebuildLockKey = 0x4C78546C6C79; // "LxTlly"
}
