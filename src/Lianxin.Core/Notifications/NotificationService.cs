using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Notifications;

/// <summary>Writes to inboxes (and, where asked, to the outbox for external channels) in the caller's
/// transaction, then pushes a live hint after the save.</summary>
public sealed class NotificationService(LianxinDbContext db, ICurrentUser user, INotificationPusher pusher)
{
    public async Task<Notification> SendAsync(
        string userId,
        string title,
        string? body = null,
        string? link = null,
        string severity = "info",
        IEnumerable<(string Channel, string Payload)>? external = null,
        CancellationToken ct = default
    )
    {
        var n = new Notification
        {
            UserId = userId,
            Title = title,
            Body = body,
            Link = link,
            Severity = severity,
            CreatedAt = db.Now,
        };
        db.Notifications.Add(n);
        foreach (var (channel, payload) in external ?? [])
            db.OutboxMessages.Add(
                new OutboxMessage
                {
                    Channel = channel,
                    Payload = payload,
                    CreatedAt = db.Now,
                    NextAttemptAt = db.Now,
                }
            );
        await db.SaveChangesAsync(ct);
        try
        {
            await pusher.PushAsync(userId, n, ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        { /* the inbox has it; the client re-reads on reconnect */
        }
        return n;
    }

    public async Task<PagedResult<NotificationView>> InboxAsync(bool unreadOnly, PageRequest page, CancellationToken ct = default)
    {
        var me = user.UserId ?? throw new ForbiddenException("请先登录");
        var q = db.Notifications.AsNoTracking().Where(n => n.UserId == me);
        if (unreadOnly)
            q = q.Where(n => n.ReadAt == null);
        return await q.OrderByDescending(n => n.Id)
            .ToPageAsync(
                page,
                cut => cut.Select(n => new NotificationView(n.Id, n.Title, n.Body, n.Link, n.Severity, n.CreatedAt, n.ReadAt)),
                ct
            );
    }

    public async Task<int> UnreadCountAsync(CancellationToken ct = default)
    {
        var me = user.UserId;
        return me is null ? 0 : await db.Notifications.CountAsync(n => n.UserId == me && n.ReadAt == null, ct);
    }

    public async Task MarkReadAsync(Guid? id, CancellationToken ct = default)
    {
        var me = user.UserId ?? throw new ForbiddenException("请先登录");
        var q = db.Notifications.Where(n => n.UserId == me && n.ReadAt == null);
        if (id is { } one)
        {
            if (!await db.Notifications.AnyAsync(n => n.Id == one && n.UserId == me, ct))
                throw new NotFoundException();
            q = q.Where(n => n.Id == one);
        }
        foreach (var n in await q.Take(1000).ToListAsync(ct))
            n.ReadAt = db.Now;
        await db.SaveChangesAsync(ct);
    }
}
