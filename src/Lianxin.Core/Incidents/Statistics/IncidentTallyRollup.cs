using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Lianxin.Core.Incidents.Statistics;

/// <summary>Keeps <see cref="IncidentTally"/> rows current, so statistics never scan the incidents.
///
/// Who counts an incident, exactly once:
/// - Every save through <see cref="LianxinDbContext.SaveChangesAsync(bool, CancellationToken)"/> adds, for each
///   incident added, edited in a counted field (unit, received time, category, validity, preventable) or
///   deleted, its contribution after the save minus its contribution before, as atomic increments in the
///   same transaction. Entry by hand and the 110 API save this way and need nothing else.
/// - <see cref="IncidentTallyIntakeStep"/> runs on every intake after the incidents are stored and counts only
///   those the save hook of the same context did not count (<see cref="LianxinDbContext.TalliedIncidents"/>):
///   incidents written by a bulk path (binary COPY, INSERT … SELECT from a staging table).
/// - Updates that bypass the change tracker (ExecuteUpdate) must not change a counted field; if one ever
///   must, it calls <see cref="RebuildAsync(LianxinDbContext, IBulkWriter, CancellationToken)"/> in its transaction.
///
/// A full rebuild recomputes every row from the incidents, on start-up when <see cref="Version"/> is newer
/// than the rows (or the rows were never built), and after a bulk load that did not use the intake.</summary>
public static class IncidentTallyRollup
{
    /// <summary>Raise when what a row counts changes, so stored rows are rebuilt on the next start.</summary>
    public const int Version = 1;

    public const string RollupName = "IncidentTallies";

    private static readonly Action<IncidentTally, int>[] HourAdd =
    [
        (t, n) => t.H00 += n,
        (t, n) => t.H01 += n,
        (t, n) => t.H02 += n,
        (t, n) => t.H03 += n,
        (t, n) => t.H04 += n,
        (t, n) => t.H05 += n,
        (t, n) => t.H06 += n,
        (t, n) => t.H07 += n,
        (t, n) => t.H08 += n,
        (t, n) => t.H09 += n,
        (t, n) => t.H10 += n,
        (t, n) => t.H11 += n,
        (t, n) => t.H12 += n,
        (t, n) => t.H13 += n,
        (t, n) => t.H14 += n,
        (t, n) => t.H15 += n,
        (t, n) => t.H16 += n,
        (t, n) => t.H17 += n,
        (t, n) => t.H18 += n,
        (t, n) => t.H19 += n,
        (t, n) => t.H20 += n,
        (t, n) => t.H21 += n,
        (t, n) => t.H22 += n,
        (t, n) => t.H23 += n,
    ];

    public static readonly IReadOnlyList<Func<IncidentTally, int>> Hours =
    [
        t => t.H00,
        t => t.H01,
        t => t.H02,
        t => t.H03,
        t => t.H04,
        t => t.H05,
        t => t.H06,
        t => t.H07,
        t => t.H08,
        t => t.H09,
        t => t.H10,
        t => t.H11,
        t => t.H12,
        t => t.H13,
        t => t.H14,
        t => t.H15,
        t => t.H16,
        t => t.H17,
        t => t.H18,
        t => t.H19,
        t => t.H20,
        t => t.H21,
        t => t.H22,
        t => t.H23,
    ];

    public static readonly IReadOnlyList<Func<IncidentTally, int>> Weekdays =
    [
        t => t.Mon,
        t => t.Tue,
        t => t.Wed,
        t => t.Thu,
        t => t.Fri,
        t => t.Sat,
        t => t.Sun,
    ];

    /// <summary>The month row's key day for a day.</summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Adds one incident's counts (sign +1) or takes them away (sign -1).</summary>
    public static void Count(IncidentTally t, IncidentFact f, int sign)
    {
        t.Total += sign;
        switch (f.Validity)
        {
            case IncidentValidity.Valid:
                t.Valid += sign;
                break;
            case IncidentValidity.Repeat:
                t.Repeat += sign;
                break;
            case IncidentValidity.Invalid:
                t.Invalid += sign;
                break;
        }
        if (f.Preventable)
            t.Preventable += sign;
        HourAdd[f.Hour](t, sign);
        switch (f.Day.DayOfWeek)
        {
            case DayOfWeek.Monday:
                t.Mon += sign;
                break;
            case DayOfWeek.Tuesday:
                t.Tue += sign;
                break;
            case DayOfWeek.Wednesday:
                t.Wed += sign;
                break;
            case DayOfWeek.Thursday:
                t.Thu += sign;
                break;
            case DayOfWeek.Friday:
                t.Fri += sign;
                break;
            case DayOfWeek.Saturday:
                t.Sat += sign;
                break;
            case DayOfWeek.Sunday:
                t.Sun += sign;
                break;
        }
    }

    /// <summary>Adds another row's counts (sign +1) or takes them away (sign -1).</summary>
    public static void Add(IncidentTally t, IncidentTally o, int sign)
    {
        t.Total += sign * o.Total;
        t.Valid += sign * o.Valid;
        t.Repeat += sign * o.Repeat;
        t.Invalid += sign * o.Invalid;
        t.Preventable += sign * o.Preventable;
        t.H00 += sign * o.H00;
        t.H01 += sign * o.H01;
        t.H02 += sign * o.H02;
        t.H03 += sign * o.H03;
        t.H04 += sign * o.H04;
        t.H05 += sign * o.H05;
        t.H06 += sign * o.H06;
        t.H07 += sign * o.H07;
        t.H08 += sign * o.H08;
        t.H09 += sign * o.H09;
        t.H10 += sign * o.H10;
        t.H11 += sign * o.H11;
        t.H12 += sign * o.H12;
        t.H13 += sign * o.H13;
        t.H14 += sign * o.H14;
        t.H15 += sign * o.H15;
        t.H16 += sign * o.H16;
        t.H17 += sign * o.H17;
        t.H18 += sign * o.H18;
        t.H19 += sign * o.H19;
        t.H20 += sign * o.H20;
        t.H21 += sign * o.H21;
        t.H22 += sign * o.H22;
        t.H23 += sign * o.H23;
        t.Mon += sign * o.Mon;
        t.Tue += sign * o.Tue;
        t.Wed += sign * o.Wed;
        t.Thu += sign * o.Thu;
        t.Fri += sign * o.Fri;
        t.Sat += sign * o.Sat;
        t.Sun += sign * o.Sun;
    }

    public static bool IsZero(IncidentTally t) =>
        t.Total == 0
        && t.Valid == 0
        && t.Repeat == 0
        && t.Invalid == 0
        && t.Preventable == 0
        && t.Mon == 0
        && t.Tue == 0
        && t.Wed == 0
        && t.Thu == 0
        && t.Fri == 0
        && t.Sat == 0
        && t.Sun == 0
        && t.H00 == 0
        && t.H01 == 0
        && t.H02 == 0
        && t.H03 == 0
        && t.H04 == 0
        && t.H05 == 0
        && t.H06 == 0
        && t.H07 == 0
        && t.H08 == 0
        && t.H09 == 0
        && t.H10 == 0
        && t.H11 == 0
        && t.H12 == 0
        && t.H13 == 0
        && t.H14 == 0
        && t.H15 == 0
        && t.H16 == 0
        && t.H17 == 0
        && t.H18 == 0
        && t.H19 == 0
        && t.H20 == 0
        && t.H21 == 0
        && t.H22 == 0
        && t.H23 == 0;

    /// <summary>Accumulates facts into day and month rows.</summary>
    public sealed class Accumulator
    {
        private readonly Dictionary<(Guid, IncidentTallySpan, DateOnly, string), IncidentTally> _rows = [];

        public void Add(IncidentFact f, int sign)
        {
            var day = f.Day;
            Count(Row(f.OrgUnitId, IncidentTallySpan.Day, day, f.CategoryCode), f, sign);
            Count(Row(f.OrgUnitId, IncidentTallySpan.Month, MonthOf(day), f.CategoryCode), f, sign);
        }

        private IncidentTally Row(Guid unit, IncidentTallySpan span, DateOnly day, string category)
        {
            if (!_rows.TryGetValue((unit, span, day, category), out var t))
                _rows[(unit, span, day, category)] = t = new IncidentTally
                {
                    OrgUnitId = unit,
                    Span = span,
                    Day = day,
                    CategoryCode = category,
                };
            return t;
        }

        public int Count => _rows.Count;

        /// <summary>The non-zero rows in key order, so two transactions touching the same rows lock them in the same order.</summary>
        public List<IncidentTally> Rows() =>
            [
                .. _rows
                    .Values.Where(t => !IsZero(t))
                    .OrderBy(t => t.OrgUnitId)
                    .ThenBy(t => t.Span)
                    .ThenBy(t => t.Day)
                    .ThenBy(t => t.CategoryCode, StringComparer.Ordinal),
            ];
    }

    /// <summary>The changes the pending save makes: for each incident added, deleted or changed in a counted
    /// field, its contribution after minus before. <paramref name="added"/> receives the ids of the incidents
    /// counted as added, so the intake step does not count them again.</summary>
    internal static List<IncidentTally> PendingChanges(ChangeTracker tracker, List<Guid> added)
    {
        var deltas = new Accumulator();
        foreach (var entry in tracker.Entries<Incident>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    deltas.Add(IncidentFact.Of(entry.Entity), +1);
                    added.Add(entry.Entity.Id);
                    break;
                case EntityState.Deleted:
                    deltas.Add(Original(entry), -1);
                    break;
                case EntityState.Modified:
                    var before = Original(entry);
                    var after = IncidentFact.Of(entry.Entity);
                    if (before == after)
                        break;
                    deltas.Add(before, -1);
                    deltas.Add(after, +1);
                    break;
            }
        }
        return deltas.Rows();
    }

    private static IncidentFact Original(EntityEntry<Incident> e) =>
        new(
            e.Property(i => i.OrgUnitId).OriginalValue,
            e.Property(i => i.ReceivedAt).OriginalValue,
            e.Property(i => i.CategoryCode).OriginalValue,
            e.Property(i => i.Validity).OriginalValue,
            e.Property(i => i.Preventable).OriginalValue
        );

    /// <summary>Adds the changes to the stored rows, each as one INSERT … ON CONFLICT DO UPDATE that adds to the
    /// counts in place (the same statement on SQLite and PostgreSQL), inside the caller's transaction.</summary>
    public static async Task ApplyAsync(LianxinDbContext db, IReadOnlyList<IncidentTally> changes, CancellationToken ct)
    {
        if (changes.Count == 0)
            return;
        await RollupUpsert.AddAsync(
            db,
            changes,
            [nameof(IncidentTally.OrgUnitId), nameof(IncidentTally.Span), nameof(IncidentTally.Day), nameof(IncidentTally.CategoryCode)],
            ct
        );
    }

    /// <summary>Recomputes every row from the incidents, replacing what is stored, and records the version.
    /// The incidents are streamed, so memory holds the rows, not the incidents.</summary>
    public static Task RebuildAsync(LianxinDbContext db, IBulkWriter writer, CancellationToken ct = default) =>
        RebuildAsync(db, writer, onlyIfStale: false, ct);

    /// <summary>Rebuilds when the rows were built by an older version, or never. Returns whether it rebuilt.
    /// Nodes starting together take turns (a lock on PostgreSQL, the single writer on SQLite).</summary>
    public static Task<bool> EnsureCurrentAsync(LianxinDbContext db, IBulkWriter writer, CancellationToken ct = default) =>
        RebuildAsync(db, writer, onlyIfStale: true, ct);

    private static Task<bool> RebuildAsync(LianxinDbContext db, IBulkWriter writer, bool onlyIfStale, CancellationToken ct) =>
        RollupRebuild.RunAsync<IncidentTally>(
            db,
            writer,
            RollupName,
            Version,
            RebuildLockKey,
            onlyIfStale,
            async ct =>
            {
                var totals = new Accumulator();
                var incidents = db
                    .Incidents.AsNoTracking()
                    .Select(i => new
                    {
                        i.OrgUnitId,
                        i.ReceivedAt,
                        i.CategoryCode,
                        i.Validity,
                        i.Preventable,
                    })
                    .AsAsyncEnumerable();
                await foreach (var i in incidents.WithCancellation(ct))
                    totals.Add(new IncidentFact(i.OrgUnitId, i.ReceivedAt, i.CategoryCode, i.Validity, i.Preventable), +1);
                return totals.Rows();
            },
            ct
        );

    private const long RebuildLockKey = 0x4C78496E6354; // "LxIncT"
}
