using System.Globalization;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Work;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Incidents.Cases;

/// <summary>The cases' share of "my work today": open public-security cases past 75% of their time limit (the stored
/// warning point) or overdue, through the (Status, WarnAt) index. Needs <see cref="Permissions.IncidentsRead"/>.</summary>
public sealed class CaseWorkItems(LianxinDbContext db, ICurrentUser user) : IWorkItemSource
{
    public static readonly WorkItemKind PastWarning = new("case-limit", "治安案件临期或超期", 30);

    public IReadOnlyList<WorkItemKind> Kinds => user.Has(Permissions.IncidentsRead) ? [PastWarning] : [];

    public async Task<IReadOnlyList<WorkItemGroup>> TodayAsync(WorkQuery query, CancellationToken ct)
    {
        if (!user.Has(Permissions.IncidentsRead) || !query.Wants(PastWarning))
            return [];
        var now = query.Now;
        var group = await Due(query)
            .GroupAsync(
                PastWarning,
                query,
                q =>
                    q.OrderBy(c => c.DueAt)
                        .Select(c => new
                        {
                            c.Id,
                            c.Title,
                            c.Number,
                            c.OrgUnitId,
                            c.DueAt,
                            c.LimitDays,
                        }),
                c =>
                {
                    var late = now >= c.DueAt;
                    var due = c.DueAt.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                    return new WorkItem(
                        PastWarning.Key,
                        c.Id,
                        c.Title,
                        c.Number,
                        late ? $"{c.LimitDays} 天时限已于 {due} 届满" : $"已用去 75% 以上时限，{due} 届满",
                        c.DueAt,
                        late,
                        c.OrgUnitId,
                        $"/incidents/cases/{c.Id}"
                    );
                },
                ct
            );
        return [group];
    }

    public async Task<IReadOnlyList<WorkUnitCount>> CountByUnitAsync(WorkQuery query, CancellationToken ct) =>
        user.Has(Permissions.IncidentsRead) ? await Due(query).CountByUnitAsync(PastWarning, ct) : [];

    private IQueryable<PublicSecurityCase> Due(WorkQuery query)
    {
        var now = query.Now;
        return db.PublicSecurityCases.AsNoTracking().InScope(query).Where(c => c.Status == CaseStatus.Open && c.WarnAt <= now);
    }
}
