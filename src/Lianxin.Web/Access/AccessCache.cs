using System.Collections.Concurrent;
using Lianxin.Core.Access;
using Lianxin.Core.Data;
using Lianxin.Web.Hosting;

namespace Lianxin.Web.Access;

/// <summary>This node's short memory of each signed-in account's <see cref="AccountAccess"/> (enabled, security
/// stamp, data scope), so that a request does not read the account, its roles and their units every time. An entry
/// lives <see cref="SecurityOptions.SessionCacheSeconds"/> at most, the same bound as a session's liveness
/// (<see cref="SessionRegistry"/>); a change to accounts, role links, roles or units saved on this node forgets at
/// once (<see cref="AccessChangeInterceptor"/>), and one saved on another node is forgotten when its message arrives
/// through Redis (<see cref="AccessChangeBus"/>). An answer read from the database while a change was being saved is
/// used once but never remembered: every change moves <see cref="Epoch"/> on.</summary>
public sealed class AccessCache(TimeProvider time, SecurityOptions security)
{
    private const int MaxRemembered = 50_000;
    private readonly ConcurrentDictionary<string, (AccountAccess Access, DateTimeOffset Until)> _entries = new(StringComparer.Ordinal);
    private long _epoch;

    public long Epoch => Interlocked.Read(ref _epoch);

    public int Count => _entries.Count;

    /// <summary>The account's access, from memory when this node read it recently, else from the database.</summary>
    public Task<AccountAccess> OfAsync(LianxinDbContext db, string userId, CancellationToken ct = default) =>
        GetAsync(userId, c => DataScopeResolver.ReadAsync(db, userId, c), ct);

    public async Task<AccountAccess> GetAsync(string userId, Func<CancellationToken, Task<AccountAccess>> read, CancellationToken ct)
    {
        if (_entries.TryGetValue(userId, out var e) && e.Until > time.GetUtcNow())
            return e.Access;
        var epoch = Epoch;
        var access = await read(ct);
        Remember(userId, access, epoch);
        return access;
    }

    private void Remember(string userId, AccountAccess access, long epochBefore)
    {
        if (security.SessionCacheSeconds <= 0 || epochBefore != Epoch)
            return;
        if (_entries.Count >= MaxRemembered)
            _entries.Clear();
        _entries[userId] = (access, time.GetUtcNow().AddSeconds(security.SessionCacheSeconds));
        // A change stored between the read above and this write must not be undone by it.
        if (epochBefore != Epoch)
            _entries.TryRemove(userId, out _);
    }

    /// <summary>One account changed (enabled, stamp, unit or role links).</summary>
    public void Forget(string userId)
    {
        Interlocked.Increment(ref _epoch);
        _entries.TryRemove(userId, out _);
    }

    /// <summary>Something every account's scope may depend on changed (a role's scope, a unit's place in the tree).</summary>
    public void ForgetAll()
    {
        Interlocked.Increment(ref _epoch);
        _entries.Clear();
    }
}
