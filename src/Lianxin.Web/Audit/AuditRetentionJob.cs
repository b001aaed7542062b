using Lianxin.Core.Data;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Audit;

/// <summary>Once a day, removes audit lines older than the retention period (never under 180 days).</summary>
public sealed class AuditRetentionJob(IServiceProvider services, IOptions<AuditOptions> options, TimeProvider time, ILogger<AuditRetentionJob> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(24), time);
        do
        {
            try
            {
                await using var scope = services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
                var cutoff = time.GetUtcNow().AddDays(-options.Value.EffectiveRetentionDays);
                var removed = await db.PurgeAuditBeforeAsync(cutoff, stoppingToken);
                if (removed > 0) log.LogInformation("Purged {Count} audit lines older than {Cutoff}", removed, cutoff);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Audit retention run failed; it will try again tomorrow");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
