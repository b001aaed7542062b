using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes;

/// <summary>Chases referrals that have gone quiet: once when the acknowledgement is overdue, once when a
/// result is still missing a month after acknowledgement. Each reminder goes to the dispute's registrant
/// and is marked on the referral, so running this often sends nothing twice. Runs without a signed-in user.</summary>
public sealed class ReferralReminders(LianxinDbContext db, NotificationService notifications) : IReminderSource
{
    private const int Batch = 500;

    /// <summary>Sends the reminders due at <paramref name="now"/>; returns how many were sent.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var sent = 0;
        var lateAck = await db
            .Referrals.Include(r => r.Dispute)
            .Where(r => r.ResultAt == null && r.AcknowledgedAt == null && r.OverdueReminderSentAt == null && r.AcknowledgeDueAt < now)
            .OrderBy(r => r.AcknowledgeDueAt)
            .Take(Batch)
            .ToListAsync(ct);
        foreach (var r in lateAck)
        {
            r.MarkOverdueReminderSent(now);
            await notifications.SendAsync(
                r.Dispute!.RegisteredById,
                $"移交逾期未签收：{r.Dispute.Title}",
                $"纠纷 {r.Dispute.Number} 移交{r.ReceiverOrganization}后，"
                    + $"应于 {r.AcknowledgeDueAt.ToOffset(DisputeTimeLimits.ChinaOffset):yyyy-MM-dd HH:mm} 前签收，至今未签收，请联系接收单位。",
                $"/disputes/{r.DisputeId}",
                "warning",
                ct: ct
            );
            sent++;
        }

        var resultFrom = now.AddDays(-Referral.ResultReminderDays);
        var lateResult = await db
            .Referrals.Include(r => r.Dispute)
            .Where(r => r.ResultAt == null && r.AcknowledgedAt != null && r.ResultReminderSentAt == null && r.AcknowledgedAt < resultFrom)
            .OrderBy(r => r.AcknowledgedAt)
            .Take(Batch)
            .ToListAsync(ct);
        foreach (var r in lateResult)
        {
            r.MarkResultReminderSent(now);
            await notifications.SendAsync(
                r.Dispute!.RegisteredById,
                $"移交久未反馈结果：{r.Dispute.Title}",
                $"纠纷 {r.Dispute.Number} 已由{r.ReceiverOrganization}签收超过 {Referral.ResultReminderDays} 天，仍未反馈处理结果，请跟进。",
                $"/disputes/{r.DisputeId}",
                "warning",
                ct: ct
            );
            sent++;
        }
        return sent;
    }
}
