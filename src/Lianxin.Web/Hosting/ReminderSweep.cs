using Lianxin.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Hosting;

/// <summary>Runs every reminder source once: each in a scope of its own, so one failing (or losing a
/// race with another node over the same record) does not stop the others; what it did not send is
/// sent on the next run.</summary>
public sealed class ReminderSweep(IServiceScopeFactory scopes, TimeProvider time, ILogger<ReminderSweep> log)
{
    public async Task<int> RunAsync(CancellationToken ct)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<Type> kinds;
        await using (var scope = scopes.CreateAsyncScope())
            kinds = scope.ServiceProvider.GetServices<IReminderSource>().Select(s => s.GetType()).ToList();
        var sent = 0;
        foreach (var kind in kinds)
        {
            await using var scope = scopes.CreateAsyncScope();
            var source = scope.ServiceProvider.GetServices<IReminderSource>().First(s => s.GetType() == kind);
            try
            {
                sent += await source.SendDueAsync(now, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                log.LogInformation("{Source}: another node changed a record first; the rest is left for the next run", kind.Name);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "{Source} failed; it will be tried again on the next run", kind.Name);
            }
        }
        if (sent > 0)
            log.LogInformation("Sent {Count} reminders", sent);
        return sent;
    }
}
