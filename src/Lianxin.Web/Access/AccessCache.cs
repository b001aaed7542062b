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
/// used once but never remembered (<see cref="ShortMemory{TKey,TValue}"/>).</summary>
public sealed class AccessCache(TimeProvider time, SecurityOptions security)
{
    private readonly ShortMemory<string, AccountAccess> _memory = new(time, 50_000);

    public int Count => _memory.Count;

    /// <summary>The account's access, from memory when this node read it recently, else from the database.</summary>
    public Task<AccountAccess> OfAsync(LianxinDbContext db, string userId, CancellationToken ct = default) =>
        GetAsync(userId, c => DataScopeResolver.ReadAsync(db, userId, c), ct);

    public async Task<AccountAccess> GetAsync(string userId, Func<CancellationToken, Task<AccountAccess>> read, CancellationToken ct)
    {
        if (_memory.TryGet(userId, out var known))
            return known;
        var epoch = _memory.Epoch;
        var access = await read(ct);
        _memory.Remember(userId, access, epoch, security.SessionCacheSeconds);
        return access;
    }

    /// <summary>One account changed (enabled, stamp, unit or role links).</summary>
    public void Forget(string userId) => _memory.Forget(userId);

    /// <summary>Something every account's scope may depend on changed (a role's scope, a unit's place in the tree).</summary>
    public void ForgetAll() => _memory.ForgetAll();
}
