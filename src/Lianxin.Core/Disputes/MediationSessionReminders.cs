using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes;

/// <summary>Tells the person who registered a dispute and the mediators who have accounts about a
/// session starting within the next day. Meant to run periodically (every few minutes) with no one
/// signed in. Each session is reminded once: the mark and the notifications are saved together, and
/// a second runner racing on the same session loses on the version check.</summary>
public sealed class MediationSessionReminders(LianxinDbContext db, NotificationService notifications) : IReminderSource
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    private const int Batch = 200;

    /// <summary>Returns how many sessions were reminded.</summary>
    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var until = now + Window;
        var due = await db
            .MediationSessions.Where(s => s.Status == SessionStatus.Planned && s.ReminderSentAt == null && s.At > now && s.At <= until)
            .Where(s =>
                s.Dispute!.Status == DisputeStatus.Registered
                || s.Dispute.Status == DisputeStatus.Triaged
                || s.Dispute.Status == DisputeStatus.Mediating
            )
            .Include(s => s.Dispute)
            .OrderBy(s => s.At)
            .Take(Batch)
            .ToListAsync(ct);
        var sent = 0;
        foreach (var session in due.Where(s => s.IsReminderDue(now, Window)))
        {
            if (await RemindAsync(session, now, ct))
                sent++;
        }
        return sent;
    }

    private async Task<bool> RemindAsync(MediationSession session, DateTimeOffset now, CancellationToken ct)
    {
        var dispute = session.Dispute!;
        var memberIds = session.Mediators.Where(m => m.MemberId is not null).Select(m => m.MemberId!.Value).ToList();
        var candidates = await db
            .Members.AsNoTracking()
            .Where(m => memberIds.Contains(m.Id) && m.UserId != null)
            .Select(m => m.UserId!)
            .ToListAsync(ct);
        candidates.Add(dispute.RegisteredById);
        var recipients = await db
            .Users.AsNoTracking()
            .Where(u => candidates.Contains(u.Id) && !u.IsDisabled)
            .Select(u => u.Id)
            .ToListAsync(ct);

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            session.MarkReminded(now);
            await db.SaveChangesAsync(ct);
            var china = session.At.ToOffset(ChinaTime.Offset);
            var where = session.VideoLink is { } link ? $"视频调解：{link}" : $"地点：{session.Place}";
            var body = $"纠纷 {dispute.Number}「{dispute.Title}」的{session.Level.Label()}定于 {china:yyyy-MM-dd HH:mm} 进行，{where}。";
            foreach (var userId in recipients.Distinct())
                await notifications.SendAsync(userId, $"调解提醒：{dispute.Title}", body, $"/disputes/{dispute.Id}", "info", ct: ct);
            if (tx is not null)
                await tx.CommitAsync(ct);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another runner reminded this session (or someone changed it) in the meantime.
            db.Entry(session).State = EntityState.Detached;
            return false;
        }
    }
}
