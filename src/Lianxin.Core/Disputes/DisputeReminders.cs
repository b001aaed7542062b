using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Disputes;

/// <summary>Reminders the dispute itself needs: mediation nearing its one-month limit, and follow-up
/// visits coming due. The people told are those handling the dispute — who registered it and who
/// took its last step — and, for a visit, the person assigned to make it.</summary>
public sealed class DisputeReminders(LianxinDbContext db, NotificationService notifications, IOptions<DisputeOptions> options)
    : IReminderSource
{
    private const int Batch = 200;

    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var sent = await NearingLimitAsync(now, ct);
        sent += await FollowUpsAsync(now, ct);
        return sent;
    }

    private async Task<int> NearingLimitAsync(DateTimeOffset now, CancellationToken ct)
    {
        var limits = options.Value.TimeLimits;
        // Coarse cut in SQL (a limit of N months is at least 28·N days), exact calendar check in the domain.
        var startedBefore = now.AddDays(limits.NearingDays - 28 * limits.MediationMonths);
        var sent = 0;
        var candidates = await db
            .Disputes.Where(d =>
                (d.Status == DisputeStatus.Triaged || d.Status == DisputeStatus.Mediating)
                && d.LimitStartedAt != null
                && d.LimitStartedAt <= startedBefore
                && d.NearLimitNotifiedAt == null
            )
            .OrderBy(d => d.LimitStartedAt)
            .Take(Batch)
            .ToListAsync(ct);
        foreach (var d in candidates)
        {
            if (!d.IsNearingLimit(now, limits) && !d.IsOverdue(now, limits))
                continue;
            d.NearLimitNotifiedAt = now;
            var due = d.MediationDueAt(limits)!.Value.ToOffset(DisputeTimeLimits.ChinaOffset);
            var overdue = d.IsOverdue(now, limits);
            var title = overdue ? $"纠纷已超期：{d.Title}" : $"纠纷调解临期：{d.Title}";
            var body = overdue
                ? $"纠纷 {d.Number} 的调解期限已于 {due:yyyy-MM-dd} 届满，请尽快化解、移交或终结并告知当事人其他途径。"
                : $"纠纷 {d.Number} 的调解期限将于 {due:yyyy-MM-dd} 届满，请抓紧调解。";
            foreach (var person in Handlers(d))
            {
                await notifications.SendAsync(person, title, body, $"/disputes/{d.Id}", overdue ? "error" : "warning", ct: ct);
                sent++;
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    private async Task<int> FollowUpsAsync(DateTimeOffset now, CancellationToken ct)
    {
        var dueBefore = now.AddHours(options.Value.FollowUpReminderHours);
        // One query for the batch (the follow-ups come with their dispute), not one per dispute.
        var batch = await db
            .Disputes.Where(d =>
                d.FollowUps.Any(f => f.DoneAt == null && f.CancelledAt == null && f.RemindedAt == null && f.DueAt <= dueBefore)
            )
            .OrderBy(d => d.Id)
            .Take(Batch)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var d in batch)
        {
            foreach (var f in d.FollowUps.Where(f => f.IsPending && f.RemindedAt is null && f.DueAt <= dueBefore).ToList())
            {
                f.RemindedAt = now;
                var due = f.DueAt.ToOffset(DisputeTimeLimits.ChinaOffset);
                var late = now > f.DueAt;
                await notifications.SendAsync(
                    f.VisitorId,
                    late ? $"回访已逾期：{d.Title}" : $"回访提醒：{d.Title}",
                    $"纠纷 {d.Number} 应于 {due:yyyy-MM-dd} 回访{(late ? "，现已逾期" : "")}，请上门或电话回访并登记结果（稳定或复发）。",
                    $"/disputes/{d.Id}",
                    late ? "warning" : "info",
                    ct: ct
                );
                sent++;
            }
            await db.SaveChangesAsync(ct);
        }
        return sent;
    }

    private static IEnumerable<string> Handlers(Dispute d)
    {
        var people = new List<string> { d.RegisteredById };
        if (d.Events.Count > 0)
            people.Add(d.Events.MaxBy(e => e.At)!.ById);
        return people.Where(p => !string.IsNullOrWhiteSpace(p) && p != "system").Distinct();
    }
}
