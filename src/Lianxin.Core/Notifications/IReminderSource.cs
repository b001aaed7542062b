namespace Lianxin.Core.Notifications;

/// <summary>Something that tells people when a date comes near or passes (a time limit, a visit, a
/// deadline). Run by the scheduled reminder sweep without a signed-in user; each reminder is marked
/// on its record when sent, so a second run at the same moment sends nothing.</summary>
public interface IReminderSource
{
    /// <summary>Sends what is due at <paramref name="now"/>; returns how many notifications went out.</summary>
    Task<int> SendDueAsync(DateTimeOffset now, CancellationToken ct);
}
