using Lianxin.Web.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Lianxin.Web.Notifications;

/// <summary>Live hints to signed-in users. Clients listen for "notification" and, on any reconnect,
/// re-read their inbox through the API: the hub can miss messages, the inbox cannot. A connection lives only
/// as long as the session it was opened under (<see cref="HubSessionSweep"/>).</summary>
[Authorize]
public sealed class NotificationHub(HubConnections connections) : Hub
{
    public const string Method = "notification";

    public override Task OnConnectedAsync()
    {
        if (Context.User is not { } user || UserSessions.IdOf(user) is not { } session)
        {
            Context.Abort();
            return Task.CompletedTask;
        }
        connections.Opened(Context.ConnectionId, session, Context.Abort);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        connections.Closed(Context.ConnectionId);
        return base.OnDisconnectedAsync(exception);
    }
}
