using Lianxin.Core.Data;
using Lianxin.Web.Access;
using Lianxin.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Notifications;

/// <summary>Cuts live-notification connections whose session has ended. A session ended on this node wakes the
/// sweep at once; one ended on another node is found within <see cref="SecurityOptions.SessionCacheSeconds"/>
/// (the same lag a request on this node has), by asking the database which of this node's connected sessions
/// are still live, in chunks.</summary>
public sealed class HubSessionSweep(
    HubConnections connections,
    SessionRegistry registry,
    IServiceScopeFactory scopes,
    SecurityOptions security,
    TimeProvider time,
    ILogger<HubSessionSweep> log
) : BackgroundService
{
    private const int Chunk = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(Math.Clamp(security.SessionCacheSeconds, 1, 300));
        registry.Ended += connections.SessionEnded;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await connections.WaitAsync(period, stoppingToken);
                await SweepAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Checking the sessions of open notification connections failed; trying again");
            }
        }
    }

    /// <summary>One pass: returns how many connections were cut.</summary>
    public async Task<int> SweepAsync(CancellationToken ct)
    {
        var sessions = connections.Sessions();
        if (sessions.Count == 0)
            return 0;
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
        var now = time.GetUtcNow();
        var ended = new HashSet<Guid>();
        foreach (var chunk in sessions.Chunk(Chunk))
        {
            var live = await db
                .UserSessions.AsNoTracking()
                .Where(s => chunk.Contains(s.Id) && s.RevokedAt == null && s.ExpiresAt > now)
                .Select(s => s.Id)
                .ToListAsync(ct);
            ended.UnionWith(chunk.Except(live));
        }
        return ended.Count == 0 ? 0 : connections.Cut(ended);
    }
}
