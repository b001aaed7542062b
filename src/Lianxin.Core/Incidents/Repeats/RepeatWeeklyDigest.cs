using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The weekly repeated-incident analysis: on Monday, each station's leaders get last week's
/// clusters (how many places and callers, how many incidents), once per station and week.</summary>
public sealed class RepeatWeeklyDigest(LianxinDbContext db, NotificationService notifications) : IReminderSource
{
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var lastWeek = IncidentPeople.WeekStart(now).AddDays(-7);
        var from = IncidentPeople.StartOf(lastWeek);
        var to = from.AddDays(7);
        var clusters = await db
            .RepeatClusters.AsNoTracking()
            .Where(c => c.LastAt >= from && c.LastAt < to)
            .Select(c => new
            {
                c.OrgUnitId,
                c.OrgUnit!.Path,
                c.IncidentCount,
            })
            .ToListAsync(ct);
        if (clusters.Count == 0)
            return 0;
        var sentAlready = await db
            .RepeatDigests.AsNoTracking()
            .Where(d => d.WeekStart == lastWeek)
            .Select(d => d.StationId)
            .ToListAsync(ct);
        var stations = await db
            .OrgUnits.AsNoTracking()
            .Where(u => u.Kind == Organization.OrgUnitKind.Station && !u.IsRetired)
            .Select(u => new
            {
                u.Id,
                u.Name,
                u.Path,
            })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var s in stations.Where(s => !sentAlready.Contains(s.Id)))
        {
            var mine = clusters.Where(c => c.OrgUnitId == s.Id || c.Path.StartsWith(s.Path, StringComparison.Ordinal)).ToList();
            if (mine.Count == 0)
                continue;
            db.RepeatDigests.Add(
                new RepeatDigest
                {
                    StationId = s.Id,
                    WeekStart = lastWeek,
                    SentAt = now,
                }
            );
            foreach (var leader in await IncidentPeople.AboveWithRoleAsync(db, s.Id, BuiltInRoles.StationLeader, ct))
            {
                await notifications.SendAsync(
                    leader,
                    $"上周重复警情研判：{s.Name}",
                    $"{lastWeek:MM-dd} 至 {lastWeek.AddDays(6):MM-dd} 共 {mine.Count} 处重复警情、"
                        + $"涉及 {mine.Sum(c => c.IncidentCount)} 起警情，请研判是否纳入重点关注。",
                    $"/incidents/clusters?week={lastWeek:yyyy-MM-dd}",
                    "info",
                    ct: ct
                );
                sent++;
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }
}
