namespace Lianxin.Core.Notifications;

/// <summary>Best-effort live push of "you have new notifications". The inbox table stays the record
/// of truth, so a missed push costs nothing but a delay.</summary>
public interface INotificationPusher
{
    Task PushAsync(string userId, Notification notification, CancellationToken ct = default);
}
