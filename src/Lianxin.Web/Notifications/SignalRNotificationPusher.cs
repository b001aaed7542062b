using Lianxin.Core.Notifications;
using Microsoft.AspNetCore.SignalR;

namespace Lianxin.Web.Notifications;

public sealed class SignalRNotificationPusher(IHubContext<NotificationHub> hub) : INotificationPusher
{
    public Task PushAsync(string userId, Notification n, CancellationToken ct = default) =>
        hub
            .Clients.User(userId)
            .SendAsync(
                NotificationHub.Method,
                new
                {
                    n.Id,
                    n.Title,
                    n.Body,
                    n.Link,
                    n.Severity,
                    n.CreatedAt,
                },
                ct
            );
}
