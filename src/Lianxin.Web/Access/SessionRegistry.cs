using System.Collections.Concurrent;
using Lianxin.Web.Hosting;

namespace Lianxin.Web.Access;

/// <summary>This node's short memory of which sessions were live when last asked, so that a request does not
/// read the database every time (<see cref="SecurityOptions.SessionCacheSeconds"/>). Revoking forgets at once,
/// and an answer read from the database while a revocation was under way is never remembered: every
/// revocation moves <see cref="Epoch"/> on, and an answer read before that is dropped.</summary>
public sealed class SessionRegistry(TimeProvider time, SecurityOptions security)
{
    private const int MaxRemembered = 100_000;
    private readonly ShortMemory<Guid, string> _live = new(time, MaxRemembered);
    private readonly ConcurrentDictionary<Guid, byte> _refusedOnce = new();

    /// <summary>Raised after a session (or all of an account's) was ended on this node, so that what holds a
    /// connection open under it can let go at once.</summary>
    public event Action? Ended;

    /// <summary>Read before asking the database; handed back to <see cref="RememberLive"/>.</summary>
    public long Epoch => _live.Epoch;

    public bool KnownLive(Guid sessionId, string userId) => _live.TryGet(sessionId, out var owner) && owner == userId;

    public void RememberLive(Guid sessionId, string userId, long epochBefore) =>
        _live.Remember(sessionId, userId, epochBefore, security.SessionCacheSeconds);

    /// <summary>Called after the revocation is stored, on this node and (through <see cref="AccessChangeBus"/>) on the others.</summary>
    public void Forget(Guid sessionId)
    {
        _live.Forget(sessionId);
        Ended?.Invoke();
    }

    /// <summary>Called after the revocation of all of an account's sessions is stored.</summary>
    public void ForgetUser(string userId)
    {
        _live.ForgetWhere(owner => owner == userId);
        Ended?.Invoke();
    }

    /// <summary>True the first time a dead session is refused on this node, so a replayed cookie or token is
    /// audited once rather than on every request.</summary>
    public bool FirstRefusal(Guid sessionId)
    {
        if (_refusedOnce.Count >= MaxRemembered)
            _refusedOnce.Clear();
        return _refusedOnce.TryAdd(sessionId, 0);
    }
}
