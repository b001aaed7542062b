using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Volunteers.Tips;

/// <summary>Counts wrong query codes per client address in a fixed window, so codes cannot be tried in bulk
/// through the API or the phone page alike. One per process; each node of a cluster counts on its own.</summary>
public sealed class TipLookupLimiter(TimeProvider clock, IOptions<TipOptions> options)
{
    private readonly ConcurrentDictionary<string, Window> _windows = new(StringComparer.Ordinal);

    private sealed class Window
    {
        public DateTimeOffset Start;
        public int Failures;
    }

    /// <summary>Refuses (429 via <see cref="TooManyRequestsException"/>) when the address has used up its tries.</summary>
    public void EnsureAllowed(string? address)
    {
        var w = Current(address);
        lock (w)
            if (w.Failures >= options.Value.LookupFailuresPerWindow)
                throw new TooManyRequestsException("查询次数过多，请稍后再试");
    }

    public void RecordFailure(string? address)
    {
        var w = Current(address);
        lock (w)
            w.Failures++;
    }

    private Window Current(string? address)
    {
        var now = clock.GetUtcNow();
        var span = TimeSpan.FromMinutes(options.Value.LookupWindowMinutes);
        if (_windows.Count > 10_000)
            foreach (var (k, old) in _windows)
                if (now - old.Start >= span)
                    _windows.TryRemove(k, out _);
        var w = _windows.GetOrAdd(address ?? "unknown", _ => new Window { Start = now });
        lock (w)
        {
            if (now - w.Start >= span)
            {
                w.Start = now;
                w.Failures = 0;
            }
        }
        return w;
    }
}
