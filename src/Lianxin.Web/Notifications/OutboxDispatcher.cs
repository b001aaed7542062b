using Lianxin.Core.Data;
using Lianxin.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Notifications;

/// <summary>Delivers outbox messages with exponential backoff. A message is marked sent only after its
/// channel accepted it, so a crash between the two sends it again: channels get at-least-once delivery
/// and each payload carries the message id for de-duplication.</summary>
public sealed class OutboxDispatcher(
    IServiceProvider services,
    IEnumerable<IOutboxChannel> channels,
    IOptions<OutboxOptions> options,
    TimeProvider time,
    LianxinMetrics metrics,
    ILogger<OutboxDispatcher> log
) : BackgroundService
{
    private readonly Dictionary<string, IOutboxChannel> _channels = channels.ToDictionary(c => c.Name);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds)), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await DispatchOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "Outbox pass failed");
            }
        }
    }

    public async Task<int> DispatchOnceAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LianxinDbContext>();
        var now = time.GetUtcNow();
        var due = await db
            .OutboxMessages.Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.NextAttemptAt)
            .Take(options.Value.BatchSize)
            .ToListAsync(ct);
        foreach (var m in due)
        {
            try
            {
                if (!_channels.TryGetValue(m.Channel, out var channel))
                    throw new InvalidOperationException($"no channel '{m.Channel}'");
                await channel.SendAsync(m.Id, m.Payload, ct);
                m.RecordSent(time.GetUtcNow());
                metrics.OutboxSent(m.Channel);
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                m.RecordFailure(e.Message, time.GetUtcNow());
                metrics.OutboxFailed(m.Channel);
                log.LogInformation(
                    "Outbox message {Id} to {Channel} failed (attempt {Attempt}): {Error}",
                    m.Id,
                    m.Channel,
                    m.Attempts,
                    e.Message
                );
            }
            await db.SaveChangesAsync(ct);
        }
        return due.Count;
    }
}
