using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Volunteers.Activities;

/// <summary>Reminders of activities: approved volunteers a little before the start (2 hours by default),
/// and the organiser of an activity that ended but was never finished, so hours get credited. Each is
/// marked on its record, so a second sweep sends nothing.</summary>
public sealed class ActivityReminders(LianxinDbContext db, NotificationService notifications, IOptions<ActivityOptions> options)
    : IReminderSource
{
    private const int Batch = 500;

    public async Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var sent = await StartingAsync(now, ct);
        sent += await UnfinishedAsync(now, ct);
        return sent;
    }

    private async Task<int> StartingAsync(DateTimeOffset now, CancellationToken ct)
    {
        var soon = now.AddHours(options.Value.ReminderHoursBefore);
        var due = await db
            .ActivitySignups.Include(s => s.Activity)
            .Include(s => s.Volunteer)
            .Where(s =>
                s.Status == SignupStatus.Approved
                && s.RemindedAt == null
                && s.Activity!.Status == ActivityStatus.Published
                && s.Activity.StartsAt > now
                && s.Activity.StartsAt <= soon
            )
            .OrderBy(s => s.Activity!.StartsAt)
            .Take(Batch)
            .ToListAsync(ct);
        foreach (var s in due)
            s.MarkReminded(now);
        await db.SaveChangesAsync(ct);
        var sent = 0;
        foreach (var s in due.Where(s => s.Volunteer?.UserId is not null))
        {
            var a = s.Activity!;
            await notifications.SendAsync(
                s.Volunteer!.UserId!,
                $"活动即将开始：{a.Title}",
                $"{ActivityService.Show(a.StartsAt)} 在「{a.Place}」集合，到场后请签到。",
                "/m/volunteer/activities",
                ct: ct
            );
            sent++;
        }
        return sent;
    }

    private async Task<int> UnfinishedAsync(DateTimeOffset now, CancellationToken ct)
    {
        var endedBefore = now.AddHours(-options.Value.UnfinishedReminderHours);
        var due = await db
            .Activities.Where(a => a.Status == ActivityStatus.Published && a.EndsAt <= endedBefore && a.UnfinishedRemindedAt == null)
            .OrderBy(a => a.EndsAt)
            .Take(Batch)
            .ToListAsync(ct);
        foreach (var a in due)
            a.UnfinishedRemindedAt = now;
        await db.SaveChangesAsync(ct);
        var sent = 0;
        foreach (var a in due.Where(a => !string.IsNullOrEmpty(a.OrganizerId) && a.OrganizerId != "system"))
        {
            await notifications.SendAsync(
                a.OrganizerId,
                $"活动未结束：{a.Title}",
                $"活动已于 {ActivityService.Show(a.EndsAt)} 结束，请核对签到签退并点「结束活动」，义警的服务时长和积分才会记入。",
                $"/volunteers/activities/{a.Id}",
                "warning",
                ct: ct
            );
            sent++;
        }
        return sent;
    }
}
