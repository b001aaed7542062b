using System.Collections.Concurrent;

namespace Lianxin.Web.Notifications;

/// <summary>The live-notification connections open on this node, each with the session it was opened under, so
/// that a connection whose session has ended (sign-out, password change or reset, disabled account) is cut
/// instead of going on receiving hints until the browser closes it.</summary>
public sealed class HubConnections
{
    private readonly ConcurrentDictionary<string, (Guid SessionId, Action Abort)> _open = new();
    private readonly SemaphoreSlim _sessionEnded = new(0, 1);

    public int Count => _open.Count;

    public void Opened(string connectionId, Guid sessionId, Action abort) => _open[connectionId] = (sessionId, abort);

    public void Closed(string connectionId) => _open.TryRemove(connectionId, out _);

    /// <summary>The sessions the open connections belong to.</summary>
    public IReadOnlyList<Guid> Sessions() => _open.Values.Select(v => v.SessionId).Distinct().ToList();

    /// <summary>Cuts every open connection of a session that is no longer live; returns how many were cut.</summary>
    public int Cut(IReadOnlySet<Guid> endedSessions)
    {
        var cut = 0;
        foreach (var (id, entry) in _open)
        {
            if (!endedSessions.Contains(entry.SessionId) || !_open.TryRemove(id, out _))
                continue;
            entry.Abort();
            cut++;
        }
        return cut;
    }

    /// <summary>Wakes the sweep at once: a session was ended on this node.</summary>
    public void SessionEnded()
    {
        try
        {
            if (_sessionEnded.CurrentCount == 0)
                _sessionEnded.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    /// <summary>Waits until a session ends on this node or the period has passed.</summary>
    public Task WaitAsync(TimeSpan period, CancellationToken ct) => _sessionEnded.WaitAsync(period, ct);
}
