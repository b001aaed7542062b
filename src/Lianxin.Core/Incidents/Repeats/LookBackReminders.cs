using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Look-back tasks coming due within a day (or overdue) remind their assignee, or whoever made
/// the plan while nobody is assigned; once per task.</summary>
public sealed class LookBackReminders(LianxinDbContext db, NotificationService notifications) : IReminderSource
{
    private const int Batch = 200;

    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var dueBefore = now.AddHours(24);
        var tasks = await db
            .LookBackTasks.Where(t => t.DoneAt == null && t.RemindedAt == null && t.DueAt <= dueBefore)
            .OrderBy(t => t.DueAt)
            .Take(Batch)
            .ToListAsync(ct);
        if (tasks.Count == 0)
            return 0;
        var planIds = tasks.Select(t => t.PlanId).Distinct().ToList();
        var plans = await db
            .LookBackPlans.AsNoTracking()
            .IgnoreAutoIncludes()
            .Where(p => planIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, ct);
        var sent = 0;
        foreach (var t in tasks)
        {
            t.MarkReminded(now);
            var plan = plans[t.PlanId];
            var to = t.AssigneeId ?? plan.CreatedById;
            if (to is null)
                continue;
            var late = now > t.DueAt;
            await notifications.SendAsync(
                to,
                late ? $"回头看任务已逾期：{plan.Address}" : $"回头看任务提醒：{plan.Address}",
                $"{plan.Category.Label()}查处后第 {t.Week} 周{t.Kind.Label()}，应于 {t.DueAt.ToOffset(ChinaTime.Offset):yyyy-MM-dd} 前完成并登记结果。",
                $"/incidents/lookbacks?open={plan.Id}",
                late ? "warning" : "info",
                ct: ct
            );
            sent++;
        }
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
