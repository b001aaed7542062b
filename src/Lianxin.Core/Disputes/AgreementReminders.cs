using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Disputes;

/// <summary>The agreement deadlines, run periodically without a signed-in user: a reminder before the
/// performance deadline, a reminder before the 30 days for judicial confirmation close (when the parties
/// chose to apply and have not), and a missed deadline marks the agreement missed and reopens the
/// dispute. Each reminder goes once to the person who registered the dispute.</summary>
public sealed class AgreementReminders(LianxinDbContext db, NotificationService notifications, IOptions<DisputeOptions> options)
    : IReminderSource
{
    public const string SystemUser = "system";

    /// <summary>Handles everything due at <paramref name="now"/>; returns how many reminders and missed
    /// deadlines it dealt with. Safe to run as often as wanted: what is done is marked on the agreement.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        now = now.ToUniversalTime(); // stored times are UTC, and PostgreSQL takes no other offset
        var reminderDays = options.Value.AgreementReminderDays;
        var performanceHorizon = now.AddDays(reminderDays);
        var judicialHorizon = now.AddDays(MediationAgreement.JudicialReminderDays);
        var candidates = await db
            .MediationAgreements.Where(a =>
                (
                    (a.Status == AgreementStatus.Signed || a.Status == AgreementStatus.PartlyPerformed)
                    && a.PerformanceDueAt <= performanceHorizon
                    && (a.PerformanceReminderSentAt == null || a.PerformanceDueAt <= now)
                )
                || (
                    a.Status != AgreementStatus.Draft
                    && a.JudicialChosen
                    && a.JudicialAppliedOn == null
                    && a.JudicialReminderSentAt == null
                    && a.JudicialDueAt <= judicialHorizon
                    && a.JudicialDueAt > now
                )
            )
            .OrderBy(a => a.PerformanceDueAt)
            .Take(500)
            .ToListAsync(ct);
        if (candidates.Count == 0)
            return 0;
        var disputeIds = candidates.Select(a => a.DisputeId).Distinct().ToList();
        var disputes = await db.Disputes.Where(d => disputeIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        var handled = 0;
        foreach (var a in candidates)
        {
            var d = disputes[a.DisputeId];
            var link = $"/disputes/{d.Id}";
            if (a.IsOverdue(now))
            {
                var events = d.Events.Count;
                a.MarkMissed(d, SystemUser, now);
                if (d.Events.Count != events)
                    db.Entry(d).Property(x => x.UpdatedAt).IsModified = true;
                await notifications.SendAsync(
                    d.RegisteredById,
                    $"调解协议逾期未履行：{d.Title}",
                    $"纠纷 {d.Number} 的调解协议约定 {a.PerformanceDeadline:yyyy-MM-dd} 前履行，至今未全部履行，纠纷已重新打开，请重新调解。",
                    link,
                    "error",
                    ct: ct
                );
                handled++;
            }
            else if (a.PerformanceReminderDue(now, reminderDays))
            {
                a.MarkPerformanceReminderSent(now);
                await notifications.SendAsync(
                    d.RegisteredById,
                    $"调解协议即将到期：{d.Title}",
                    $"纠纷 {d.Number} 的调解协议须在 {a.PerformanceDeadline:yyyy-MM-dd} 前履行，请跟进当事人履行情况。",
                    link,
                    "warning",
                    ct: ct
                );
                handled++;
            }
            if (a.JudicialReminderDue(now))
            {
                a.MarkJudicialReminderSent(now);
                await notifications.SendAsync(
                    d.RegisteredById,
                    $"司法确认申请即将截止：{d.Title}",
                    $"纠纷 {d.Number} 的当事人选择申请司法确认，须在 {a.JudicialDeadline:yyyy-MM-dd} 前共同向人民法院提出，目前尚未登记申请。",
                    link,
                    "warning",
                    ct: ct
                );
                handled++;
            }
        }
        await db.SaveChangesAsync(ct);
        return handled;
    }
}
