using System.Collections.Concurrent;

namespace Lianxin.Web.Access;

/// <summary>A node's short memory of answers read from the database, each kept for a set time, that a change can make
/// it forget at once. An answer read while a change was being stored must never be kept: the reader takes
/// <see cref="Epoch"/> before asking the database and hands it back to <see cref="Remember"/>, and every forgetting
/// moves the epoch on, so an answer from before it is dropped. Used for sessions' liveness (<see cref="SessionRegistry"/>)
/// and accounts' access (<see cref="AccessCache"/>).</summary>
public sealed class ShortMemory<TKey, TValue>(TimeProvider time, int maxEntries)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, (TValue Value, DateTimeOffset Until)> _entries = new();
    private long _epoch;

    public long Epoch => Interlocked.Read(ref _epoch);

    public int Count => _entries.Count;

    public bool TryGet(TKey key, out TValue value)
    {
        if (_entries.TryGetValue(key, out var e) && e.Until > time.GetUtcNow())
        {
            value = e.Value;
            return true;
        }
        value = default!;
        return false;
    }

    /// <summary>Keeps <paramref name="value"/> for <paramref name="seconds"/> unless something was forgotten since
    /// <paramref name="epochBefore"/> was read (or <paramref name="seconds"/> is 0 or less).</summary>
    public void Remember(TKey key, TValue value, long epochBefore, int seconds)
    {
        if (seconds <= 0 || epochBefore != Epoch)
            return;
        if (_entries.Count >= maxEntries)
            _entries.Clear();
        _entries[key] = (value, time.GetUtcNow().AddSeconds(seconds));
        // A change stored between the read and this write must not be undone by it.
        if (epochBefore != Epoch)
            _entries.TryRemove(key, out _);
    }

    public void Forget(TKey key)
    {
        Interlocked.Increment(ref _epoch);
        _entries.TryRemove(key, out _);
    }

    public void ForgetWhere(Func<TValue, bool> match)
    {
        Interlocked.Increment(ref _epoch);
        foreach (var (key, entry) in _entries)
            if (match(entry.Value))
                _entries.TryRemove(key, out _);
    }

    public void ForgetAll()
    {
        Interlocked.Increment(ref _epoch);
        _entries.Clear();
    }
}
