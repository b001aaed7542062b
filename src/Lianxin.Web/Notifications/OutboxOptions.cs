namespace Lianxin.Web.Notifications;

public sealed class OutboxOptions
{
    public int PollSeconds { get; set; } = 5;
    public int BatchSize { get; set; } = 50;

    /// <summary>Where the "webhook" channel posts (e.g. the bureau's message gateway); empty turns it off.</summary>
    public string WebhookUrl { get; set; } = "";
}
