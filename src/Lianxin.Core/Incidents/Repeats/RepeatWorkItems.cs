using System.Globalization;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Work;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The repeated incidents' share of "my work today": groups that took an incident in the last
/// <see cref="RecentDays"/> days and nobody has taken up yet (not followed on the focus list, not turned into a
/// dispute), newest first, through the (OrgUnitId, LastAt) index. Needs <see cref="Permissions.IncidentsRead"/>.
/// The whole reading of the groups is <see cref="Due"/>: the one place to change when groups change shape.</summary>
public sealed class RepeatWorkItems(LianxinDbContext db, ICurrentUser user) : IWorkItemSource
{
    public static readonly WorkItemKind NewGroup = new("repeat-group", "新增重复警情", 40);

    public const int RecentDays = 7;

    public IReadOnlyList<WorkItemKind> Kinds => user.Has(Permissions.IncidentsRead) ? [NewGroup] : [];

    public async Task<IReadOnlyList<WorkItemGroup>> TodayAsync(WorkQuery query, CancellationToken ct)
    {
        if (!user.Has(Permissions.IncidentsRead) || !query.Wants(NewGroup))
            return [];
        var group = await Due(query)
            .GroupAsync(
                NewGroup,
                query,
                q =>
                    q.OrderByDescending(c => c.LastAt)
                        .Select(c => new
                        {
                            c.Id,
                            c.Kind,
                            c.Label,
                            c.OrgUnitId,
                            c.LastAt,
                            c.IncidentCount,
                        }),
                c => new WorkItem(
                    NewGroup.Key,
                    c.Id,
                    c.Label,
                    null,
                    $"{c.Kind.Label()}，共 {c.IncidentCount} 起，最近一起 "
                        + c.LastAt.ToOffset(ChinaTime.Offset).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture),
                    c.LastAt,
                    false,
                    c.OrgUnitId,
                    $"/incidents/clusters?open={c.Id}"
                ),
                ct
            );
        return [group];
    }

    public async Task<IReadOnlyList<WorkUnitCount>> CountByUnitAsync(WorkQuery query, CancellationToken ct) =>
        user.Has(Permissions.IncidentsRead) ? await Due(query).CountByUnitAsync(NewGroup, ct) : [];

    private IQueryable<RepeatCluster> Due(WorkQuery query)
    {
        var since = query.Now.AddDays(-RecentDays);
        return db
            .RepeatClusters.AsNoTracking()
            .InScope(query)
            .Where(c => c.LastAt >= since && c.DisputeId == null && (c.FocusStatus == null || c.FocusStatus == FocusStatus.Open));
    }
}
