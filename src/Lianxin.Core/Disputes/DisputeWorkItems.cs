using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Disputes;

/// <summary>The disputes' share of "my work today": mediation at or past its time limit's warning point (the same
/// rule as the reminder, <see cref="Dispute.IsNearingLimit"/>/<see cref="Dispute.IsOverdue"/>), and follow-up visits
/// due by the end of today (China) or overdue. Needs <see cref="Permissions.DisputesRead"/>.</summary>
public sealed class DisputeWorkItems(LianxinDbContext db, ICurrentUser user, IOptions<DisputeOptions> options) : IWorkItemSource
{
    public static readonly WorkItemKind NearLimit = new("dispute-limit", "纠纷临期或超期", 10);
    public static readonly WorkItemKind FollowUpDue = new("follow-up", "回访到期", 20);

    /// <summary>Limit days fall within this many days after the month arithmetic's lower bound (month ends clamp by
    /// at most three days), so the SQL cut is exact outside this band and the band is checked in memory.</summary>
    private const int BandDays = 7;

    public IReadOnlyList<WorkItemKind> Kinds => user.Has(Permissions.DisputesRead) ? [NearLimit, FollowUpDue] : [];

    public async Task<IReadOnlyList<WorkItemGroup>> TodayAsync(WorkQuery query, CancellationToken ct)
    {
        var groups = new List<WorkItemGroup>();
        if (!user.Has(Permissions.DisputesRead))
            return groups;
        var limits = options.Value.TimeLimits;
        if (query.Wants(NearLimit))
        {
            var (surely, band) = NearLimitQueries(query, limits);
            var bandRows = await Rows(band).ToListAsync(ct);
            var inBand = bandRows.Where(r => Due(r.LimitStartedAt, limits) <= Until(query, limits)).ToList();
            var total = await surely.CountAsync(ct) + inBand.Count;
            var first = query.Top == 0 ? [] : await Rows(surely).OrderBy(r => r.LimitStartedAt).Take(query.Top).ToListAsync(ct);
            var items = first.Concat(inBand.OrderBy(r => r.LimitStartedAt)).Take(query.Top).Select(r => LimitItem(r, query.Now, limits));
            groups.Add(new WorkItemGroup(NearLimit.Key, NearLimit.Label, NearLimit.Order, total, items.ToList()));
        }
        if (query.Wants(FollowUpDue))
        {
            var visits = FollowUps(query);
            var total = await visits.CountAsync(ct);
            var first = query.Top == 0 ? [] : await visits.OrderBy(v => v.DueAt).Take(query.Top).ToListAsync(ct);
            groups.Add(
                new WorkItemGroup(
                    FollowUpDue.Key,
                    FollowUpDue.Label,
                    FollowUpDue.Order,
                    total,
                    first
                        .Select(v =>
                        {
                            var late = query.Now > v.DueAt;
                            var day = ChinaTime.Day(v.DueAt).ToString("yyyy-MM-dd");
                            return new WorkItem(
                                FollowUpDue.Key,
                                v.Id,
                                v.Title,
                                v.Number,
                                late ? $"回访已逾期（应于 {day} 回访）" : $"今日应回访（{day}）",
                                v.DueAt,
                                late,
                                v.OrgUnitId,
                                $"/disputes/{v.Id}"
                            );
                        })
                        .ToList()
                )
            );
        }
        return groups;
    }

    public async Task<IReadOnlyList<WorkUnitCount>> CountByUnitAsync(WorkQuery query, CancellationToken ct)
    {
        if (!user.Has(Permissions.DisputesRead))
            return [];
        var limits = options.Value.TimeLimits;
        var (surely, band) = NearLimitQueries(query, limits);
        var counts = await surely.CountByUnitAsync(NearLimit, ct);
        var bandRows = await Rows(band).ToListAsync(ct);
        counts.AddRange(
            bandRows
                .Where(r => Due(r.LimitStartedAt, limits) <= Until(query, limits))
                .GroupBy(r => r.OrgUnitId)
                .Select(g => new WorkUnitCount(NearLimit.Key, g.Key, g.Count()))
        );
        var visits = await FollowUps(query).GroupBy(v => v.OrgUnitId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        counts.AddRange(visits.Select(v => new WorkUnitCount(FollowUpDue.Key, v.Key, v.Count)));
        return counts;
    }

    // Built by member initialisation, so queries can still order and group by their members.
    private sealed class LimitRow
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public string Number { get; init; } = "";
        public Guid OrgUnitId { get; init; }
        public DateTimeOffset LimitStartedAt { get; init; }
    }

    private sealed class VisitRow
    {
        public Guid Id { get; init; }
        public string Title { get; init; } = "";
        public string Number { get; init; } = "";
        public Guid OrgUnitId { get; init; }
        public DateTimeOffset DueAt { get; init; }
    }

    /// <summary>The warning point is <c>due − NearingDays</c>, so a dispute is due for work once its limit ends by
    /// <c>now + NearingDays</c>.</summary>
    private static DateTimeOffset Until(WorkQuery query, DisputeTimeLimits limits) => query.Now.AddDays(limits.NearingDays);

    private static DateTimeOffset Due(DateTimeOffset started, DisputeTimeLimits limits) => limits.DueFrom(started);

    /// <summary>Open disputes whose limit surely ends by <see cref="Until"/> (started on or before the same China
    /// time N months earlier: adding the months back never passes it), and the few started in the week after that,
    /// which month ends may still bring in. Both read the (Status, LimitStartedAt) index.</summary>
    private (IQueryable<Dispute> Surely, IQueryable<Dispute> Band) NearLimitQueries(WorkQuery query, DisputeTimeLimits limits)
    {
        var cut = Until(query, limits).ToOffset(ChinaTime.Offset).AddMonths(-limits.MediationMonths).ToUniversalTime();
        var bandEnd = cut.AddDays(BandDays);
        var open = db
            .Disputes.AsNoTracking()
            .InScope(query)
            .Where(d => (d.Status == DisputeStatus.Triaged || d.Status == DisputeStatus.Mediating) && d.LimitStartedAt != null);
        return (open.Where(d => d.LimitStartedAt <= cut), open.Where(d => d.LimitStartedAt > cut && d.LimitStartedAt <= bandEnd));
    }

    private static IQueryable<LimitRow> Rows(IQueryable<Dispute> disputes) =>
        disputes.Select(d => new LimitRow
        {
            Id = d.Id,
            Title = d.Title,
            Number = d.Number,
            OrgUnitId = d.OrgUnitId,
            LimitStartedAt = d.LimitStartedAt!.Value,
        });

    private static WorkItem LimitItem(LimitRow r, DateTimeOffset now, DisputeTimeLimits limits)
    {
        var due = Due(r.LimitStartedAt, limits);
        var late = now > due;
        var day = ChinaTime.Day(due).ToString("yyyy-MM-dd");
        return new WorkItem(
            NearLimit.Key,
            r.Id,
            r.Title,
            r.Number,
            late ? $"调解已超期（期限 {day}）" : $"调解期限 {day} 届满",
            due,
            late,
            r.OrgUnitId,
            $"/disputes/{r.Id}"
        );
    }

    /// <summary>Pending visits due by the end of today in China, through the visits' (DueAt) index.</summary>
    private IQueryable<VisitRow> FollowUps(WorkQuery query)
    {
        var endOfToday = ChinaTime.StartUtc(ChinaTime.Day(query.Now).AddDays(1));
        return db
            .Disputes.AsNoTracking()
            .InScope(query)
            .SelectMany(
                d => d.FollowUps.Where(f => f.DoneAt == null && f.CancelledAt == null && f.DueAt < endOfToday),
                (d, f) =>
                    new VisitRow
                    {
                        Id = d.Id,
                        Title = d.Title,
                        Number = d.Number,
                        OrgUnitId = d.OrgUnitId,
                        DueAt = f.DueAt,
                    }
            );
    }
}
