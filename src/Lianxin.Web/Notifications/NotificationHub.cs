using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Lianxin.Web.Notifications;

/// <summary>Live hints to signed-in users. Clients listen for "notification" and, on any reconnect,
/// re-read their inbox through the API: the hub can miss messages, the inbox cannot.</summary>
[Authorize]
public sealed class NotificationHub : Hub
{
    public const string Method = "notification";
}
