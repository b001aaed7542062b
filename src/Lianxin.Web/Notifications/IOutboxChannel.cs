namespace Lianxin.Web.Notifications;

/// <summary>An external channel the outbox delivers to. Later features add SMS and group pushes.</summary>
public interface IOutboxChannel
{
    string Name { get; }

    /// <summary>Delivers one message; throws if the receiver did not accept it. Delivery is at least once,
    /// so the message id travels with it for the receiver to drop repeats.</summary>
    Task SendAsync(Guid messageId, string payload, CancellationToken ct);
}
