using Lianxin.Core.Data;
using Lianxin.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Hosting;

/// <summary>Once a day: removes audit lines past the retention period (never under 180 days), stored
/// idempotent responses older than a day (a client retries within minutes, not days) and sign-in sessions
/// that reached their absolute end more than a day ago (their sign-ins and sign-outs stay in the audit log); and gives
/// incidents stored before the caller-name index existed their index (the first run after an upgrade does them all).</summary>
public sealed class HousekeepingJob(
    IServiceProvider services,
    IOptions<AuditOptions> options,
    TimeProvider time,
    ILogger<HousekeepingJob> log
) : BackgroundService
{
    public static readonly TimeSpan IdempotencyWindow = TimeSpan.FromHours(24);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), time);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Housekeeping failed; it will try again tomorrow");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
        var now = time.GetUtcNow();
        var cutoff = now.AddDays(-options.Value.EffectiveRetentionDays);
        var removed = await db.PurgeAuditBeforeAsync(cutoff, ct);
        if (removed > 0)
            log.LogInformation("Purged {Count} audit lines older than {Cutoff}", removed, cutoff);
        var stale = now - IdempotencyWindow;
        await db.IdempotencyRecords.Where(r => r.CreatedAt < stale).ExecuteDeleteAsync(ct);
        var ended = now.AddDays(-1);
        await db.UserSessions.Where(s => s.ExpiresAt < ended).ExecuteDeleteAsync(ct);
        var indexed = await Core.Upkeep.CallerNameIndexFill.RunAsync(
            db,
            scope.ServiceProvider.GetRequiredService<Core.Common.PersonalDataProtector>(),
            ct: ct
        );
        if (indexed > 0)
            log.LogInformation("Indexed the caller names of {Count} incidents stored before the index existed", indexed);
    }
}
