namespace Lianxin.Core.Notifications;

/// <summary>A message to an external channel (webhook, SMS gateway, …), written in the same
/// transaction as the change that caused it and sent by the dispatcher with retries.</summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public string Channel { get; set; } = "";
    public string Payload { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset NextAttemptAt { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset? FailedAt { get; set; }
    public string? LastError { get; set; }

    public const int MaxAttempts = 8;

    /// <summary>Exponential backoff: 10 s, 20 s, 40 s, … capped at one hour; gives up after <see cref="MaxAttempts"/>.</summary>
    public void RecordFailure(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        if (Attempts >= MaxAttempts)
        {
            FailedAt = now;
            return;
        }
        var delay = TimeSpan.FromSeconds(Math.Min(3600, 10 * Math.Pow(2, Attempts - 1)));
        NextAttemptAt = now + delay;
    }

    public void RecordSent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
    }
}
