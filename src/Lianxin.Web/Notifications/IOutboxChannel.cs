namespace Lianxin.Web.Notifications;

/// <summary>An external channel the outbox delivers to. Later features add SMS and group pushes.</summary>
public interface IOutboxChannel
{
    string Name { get; }
    Task SendAsync(string payload, CancellationToken ct);
}
