using Lianxin.Core.Notifications;
using Lianxin.Web.Api;

namespace Lianxin.Web.Notifications;

public static class NotificationEndpoints
{
    public static void MapNotificationApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/notifications").WithTags("通知").ProducesSignInProblems();
        g.MapGet("/", async (bool? unreadOnly, [AsParameters] PageQuery page, NotificationService n, CancellationToken ct) =>
                TypedResults.Ok(await n.InboxAsync(unreadOnly ?? false, page.ToRequest(), ct))
            )
            .WithName("Inbox")
            .WithSummary("我的通知（分页）")
            .ProducesInputProblems();
        g.MapGet("/unread-count", async (NotificationService n, CancellationToken ct) =>
                TypedResults.Ok(new { count = await n.UnreadCountAsync(ct) })
            )
            .WithName("UnreadCount")
            .WithSummary("未读通知数");
        g.MapPost("/{id:guid}/read", async (Guid id, NotificationService n, CancellationToken ct) =>
            {
                await n.MarkReadAsync(id, ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkRead")
            .ProducesRecordProblems()
            .WithSummary("标记已读");
        g.MapPost("/read-all", async (NotificationService n, CancellationToken ct) =>
            {
                await n.MarkReadAsync(null, ct);
                return TypedResults.NoContent();
            })
            .WithName("MarkAllRead")
            .WithSummary("全部标记已读");
    }
}
