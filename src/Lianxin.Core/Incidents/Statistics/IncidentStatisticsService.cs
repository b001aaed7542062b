using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Incidents.Statistics;

/// <summary>Incident statistics for a unit's subtree (or the caller's whole scope) and a period of China calendar
/// days, summed from <see cref="IncidentTally"/> rows: the month rows of the whole months inside the period and
/// the day rows of the days left at its ends. Nothing here reads the incidents themselves.</summary>
public sealed class IncidentStatisticsService(LianxinDbContext db, ICurrentUser user)
{
    public const string CategoryDictionary = "incident-category";

    public static IReadOnlyList<StatisticDefinition> Definitions { get; } =
    [
        new(
            "Total",
            "警情总数",
            "接警时间（北京时间）在所选日期内（含首尾两日），发生地在所选单位及其下级的全部警情，含有效、重复和无效警情；尚未落地的警情按处警单位计。"
        ),
        new("Valid", "有效警情", "研判为有效的警情；重复警情和无效警情（误拨、恶作剧、非警务事项）分列。"),
        new("Preventable", "可防性警情", "标记为可防性的警情：通过防范工作本可避免的警情。"),
        new("Category", "警情类别", "按一级类别（类别）统计，名称取自警情类别字典。"),
        new(
            "YearOnYear",
            "同比",
            "与上年同期（起止日期各前推一年，2月29日按2月28日计）相比：（本期 − 上年同期）÷ 上年同期；上年同期为 0 时不计算。"
        ),
        new("MonthOnMonth", "环比", "与紧邻本期之前、天数相同的上一时段相比：（本期 − 上一时段）÷ 上一时段；上一时段为 0 时不计算。"),
        new("Hour", "按时段", "按接警时刻所在的小时（北京时间，0 时至 23 时）统计。"),
        new("Weekday", "按星期", "按接警日期（北京时间）是星期几统计。"),
        new("Heat", "热力表", "各下级单位（含其下属单位）每一类别的警情数；“本级”为直接落在所选单位本身的警情。"),
    ];

    public async Task<IncidentStatistics> GetAsync(Guid? orgUnitId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRead);
        var period = ChinaPeriod.Of(from, to, db.Now);
        var scope = await user.GetScopeAsync(ct);
        OrgUnit? unit = null;
        if (orgUnitId is { } id)
        {
            unit = await db.UnitInScopeAsync(scope, id, ct);
        }
        var units = db.OrgUnits.AsNoTracking().Where(scope.UnitFilter());
        if (unit is not null)
            units = units.Where(new DataScope(false, [unit.Path], [], null).UnitFilter());
        var tree = await units.Select(u => new UnitNode(u.Id, u.ParentId, u.Path, u.Name, u.Kind)).ToListAsync(ct);

        // The rows of the breakdown: the children of the chosen unit (or of the scope's single top unit), each with
        // its subtree, and the unit's own incidents; with several top units in scope, those units.
        var ids = tree.Select(u => u.Id).ToHashSet();
        var tops = unit is not null
            ? tree.Where(u => u.Id == unit.Id).ToList()
            : tree.Where(u => u.ParentId is null || !ids.Contains(u.ParentId.Value)).ToList();
        var root = tops.Count == 1 ? tops[0] : null;
        var groups = root is null ? tops : [root, .. tree.Where(u => u.ParentId == root.Id).OrderBy(u => u.Name, StringComparer.Ordinal)];
        var groupOf = new Dictionary<Guid, UnitNode>();
        foreach (var u in tree)
        {
            var g = groups.Where(x => x != root).FirstOrDefault(x => u.Path.StartsWith(x.Path, StringComparison.Ordinal)) ?? root;
            if (g is not null)
                groupOf[u.Id] = g;
        }

        // Everything in scope and no unit picked: every row counts, and no unit filter is needed.
        var unitIds = scope.All && unit is null ? null : units.Select(u => u.Id);
        var rows = await SumAsync(unitIds, period, ct);
        var yearEarlier = period.YearEarlier();
        var days = period.To.DayNumber - period.From.DayNumber + 1;
        var before = new ChinaPeriod(period.From.AddDays(-days), period.From.AddDays(-1));
        var lastYear = await TotalsAsync(unitIds, yearEarlier, ct);
        var previous = await TotalsAsync(unitIds, before, ct);
        var total = Total(rows);

        var names = await db
            .DictionaryItems.AsNoTracking()
            .Where(d => d.Category == CategoryDictionary && d.ParentCode == null)
            .Select(d => new
            {
                d.Code,
                d.Name,
                d.SortOrder,
            })
            .ToListAsync(ct);
        var byCategory = rows.GroupBy(r => r.CategoryCode)
            .Select(g => new CategoryCount(
                g.Key,
                names.FirstOrDefault(n => n.Code == g.Key)?.Name ?? g.Key,
                g.Sum(r => r.Total),
                g.Sum(r => r.Valid),
                g.Sum(r => r.Preventable)
            ))
            .Where(c => c.Total != 0)
            .OrderByDescending(c => c.Total)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        var categoryIndex = byCategory.Select((c, i) => (c.Code, i)).ToDictionary(x => x.Code, x => x.i);

        var byUnit = new List<UnitCount>();
        foreach (var g in groups)
        {
            var own = g == root;
            var mine = rows.Where(r => groupOf.TryGetValue(r.OrgUnitId, out var x) && x == g && (!own || r.OrgUnitId == g.Id)).ToList();
            if (own && mine.Count == 0)
                continue;
            var cells = new int[byCategory.Count];
            foreach (var r in mine)
                if (categoryIndex.TryGetValue(r.CategoryCode, out var i))
                    cells[i] += r.Total;
            byUnit.Add(
                new UnitCount(
                    g.Id,
                    g.Name,
                    g.Kind.Label(),
                    own,
                    mine.Sum(r => r.Total),
                    mine.Sum(r => r.Valid),
                    mine.Sum(r => r.Preventable),
                    cells
                )
            );
        }

        return new IncidentStatistics(
            unit?.Id,
            unit?.Name ?? "全部管辖范围",
            period,
            IncidentCounts.Of(total),
            Compare(yearEarlier, total, lastYear),
            Compare(before, total, previous),
            byCategory,
            byUnit,
            [.. IncidentTallyRollup.Hours.Select(h => h(total))],
            [.. IncidentTallyRollup.Weekdays.Select(w => w(total))],
            Definitions
        );
    }

    /// <summary>The statistics for an export, recorded in the audit log.</summary>
    public async Task<IncidentStatistics> ExportAsync(Guid? orgUnitId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsExport);
        var stats = await GetAsync(orgUnitId, from, to, ct);
        db.Audit(
            Audit.AuditAction.Export,
            nameof(Incident),
            orgUnitId?.ToString(),
            $"导出警情统计：{stats.UnitName}，{stats.Period.From:yyyy-MM-dd} 至 {stats.Period.To:yyyy-MM-dd}，共 {stats.Counts.Total} 起"
        );
        await db.SaveChangesAsync(ct);
        return stats;
    }

    private static IncidentComparison Compare(ChinaPeriod period, IncidentTally now, IncidentTally then) =>
        new(
            period,
            IncidentCounts.Of(then),
            Change(now.Total, then.Total),
            Change(now.Valid, then.Valid),
            Change(now.Preventable, then.Preventable)
        );

    private static double? Change(int now, int then) => then == 0 ? null : Math.Round((double)(now - then) / then, 4);

    private static IncidentTally Total(IEnumerable<IncidentTally> rows)
    {
        var sum = new IncidentTally();
        foreach (var r in rows)
            IncidentTallyRollup.Add(sum, r, +1);
        return sum;
    }

    /// <summary>The whole months inside a period, as their first days, and the days left at its ends.</summary>
    public static (DateOnly? FirstMonth, DateOnly? LastMonth) WholeMonths(ChinaPeriod p)
    {
        var first = p.From.Day == 1 ? p.From : IncidentTallyRollup.MonthOf(p.From).AddMonths(1);
        var lastStart = IncidentTallyRollup.MonthOf(p.To);
        var last = p.To == lastStart.AddMonths(1).AddDays(-1) ? lastStart : lastStart.AddMonths(-1);
        return first <= last ? (first, last) : (null, null);
    }

    /// <summary>The tally rows that together cover a period exactly once.</summary>
    private IQueryable<IncidentTally> Covering(IQueryable<Guid>? unitIds, ChinaPeriod p)
    {
        var (from, to) = (p.From, p.To);
        var q = db.IncidentTallies.AsNoTracking();
        if (unitIds is not null)
            q = q.Where(t => unitIds.Contains(t.OrgUnitId));
        if (WholeMonths(p) is ({ } m1, { } m2))
        {
            var headEnd = m1.AddDays(-1);
            var tailStart = m2.AddMonths(1);
            q = q.Where(t =>
                (t.Span == IncidentTallySpan.Month && t.Day >= m1 && t.Day <= m2)
                || (t.Span == IncidentTallySpan.Day && ((t.Day >= from && t.Day <= headEnd) || (t.Day >= tailStart && t.Day <= to)))
            );
        }
        else
        {
            q = q.Where(t => t.Span == IncidentTallySpan.Day && t.Day >= from && t.Day <= to);
        }
        return q;
    }

    /// <summary>Only the totals of a period (the comparisons need no breakdown): five sums in one row. Adding up the
    /// breakdown's per-unit-and-category rows instead (one projection for both) was tried and measured: at 5,000,000
    /// incidents it brought two periods' worth of rows of 40 counts back for five numbers, and a year's statistics went
    /// from 84 to 112 ms on PostgreSQL (bench/README.md).</summary>
    private async Task<IncidentTally> TotalsAsync(IQueryable<Guid>? unitIds, ChinaPeriod p, CancellationToken ct) =>
        await Covering(unitIds, p)
            .GroupBy(_ => 1)
            .Select(g => new IncidentTally
            {
                Total = g.Sum(t => t.Total),
                Valid = g.Sum(t => t.Valid),
                Repeat = g.Sum(t => t.Repeat),
                Invalid = g.Sum(t => t.Invalid),
                Preventable = g.Sum(t => t.Preventable),
            })
            .FirstOrDefaultAsync(ct)
        ?? new IncidentTally();

    /// <summary>The period's counts per unit and category, in one query over the tallies.</summary>
    private async Task<List<IncidentTally>> SumAsync(IQueryable<Guid>? unitIds, ChinaPeriod p, CancellationToken ct)
    {
        return await Covering(unitIds, p)
            .GroupBy(t => new { t.OrgUnitId, t.CategoryCode })
            .Select(g => new IncidentTally
            {
                OrgUnitId = g.Key.OrgUnitId,
                CategoryCode = g.Key.CategoryCode,
                Total = g.Sum(t => t.Total),
                Valid = g.Sum(t => t.Valid),
                Repeat = g.Sum(t => t.Repeat),
                Invalid = g.Sum(t => t.Invalid),
                Preventable = g.Sum(t => t.Preventable),
                H00 = g.Sum(t => t.H00),
                H01 = g.Sum(t => t.H01),
                H02 = g.Sum(t => t.H02),
                H03 = g.Sum(t => t.H03),
                H04 = g.Sum(t => t.H04),
                H05 = g.Sum(t => t.H05),
                H06 = g.Sum(t => t.H06),
                H07 = g.Sum(t => t.H07),
                H08 = g.Sum(t => t.H08),
                H09 = g.Sum(t => t.H09),
                H10 = g.Sum(t => t.H10),
                H11 = g.Sum(t => t.H11),
                H12 = g.Sum(t => t.H12),
                H13 = g.Sum(t => t.H13),
                H14 = g.Sum(t => t.H14),
                H15 = g.Sum(t => t.H15),
                H16 = g.Sum(t => t.H16),
                H17 = g.Sum(t => t.H17),
                H18 = g.Sum(t => t.H18),
                H19 = g.Sum(t => t.H19),
                H20 = g.Sum(t => t.H20),
                H21 = g.Sum(t => t.H21),
                H22 = g.Sum(t => t.H22),
                H23 = g.Sum(t => t.H23),
                Mon = g.Sum(t => t.Mon),
                Tue = g.Sum(t => t.Tue),
                Wed = g.Sum(t => t.Wed),
                Thu = g.Sum(t => t.Thu),
                Fri = g.Sum(t => t.Fri),
                Sat = g.Sum(t => t.Sat),
                Sun = g.Sum(t => t.Sun),
            })
            .ToListAsync(ct);
    }

    private sealed record UnitNode(Guid Id, Guid? ParentId, string Path, string Name, OrgUnitKind Kind);
}
