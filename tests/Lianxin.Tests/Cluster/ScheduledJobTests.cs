using System.Collections.Concurrent;
using Lianxin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Lianxin.Tests.Cluster;

/// <summary>On PostgreSQL the scheduled jobs live in the database, not in a node: a job one node schedules and then
/// stops before it is due is run by the next node to start, once.</summary>
public sealed class ScheduledJobTests
{
    [PostgresFact]
    public async Task A_job_scheduled_by_a_node_that_stops_runs_once_on_the_next_node()
    {
        await using var database = TestDatabase.Create(DbKind.Postgres);
        var job = new JobKey($"mark-{Guid.NewGuid():N}", "tests");
        // Due well after the first node has stopped (a node's start and stop take a few seconds here).
        var due = DateTimeOffset.UtcNow.AddSeconds(20);
        var started = DateTimeOffset.UtcNow;
        await using (var first = new LianxinFactory(database))
        {
            _ = first.Server;
            var scheduler = await first.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
            await scheduler.ScheduleJob(
                JobBuilder.Create<MarkJob>().WithIdentity(job).Build(),
                TriggerBuilder.Create().WithIdentity(job.Name, job.Group).StartAt(due).Build()
            );
        }
        Assert.False(MarkJob.Runs.ContainsKey(job.Name), $"ran before its time, {DateTimeOffset.UtcNow - started} after scheduling");

        await using var second = new LianxinFactory(database);
        _ = second.Server;
        for (var i = 0; i < 200 && !MarkJob.Runs.ContainsKey(job.Name); i++)
            await Task.Delay(200);
        Assert.True(MarkJob.Runs.TryGetValue(job.Name, out var runs), "the job scheduled by the stopped node never ran");
        await Task.Delay(2000);
        Assert.Equal(1, MarkJob.Runs[job.Name]);
        Assert.True(runs >= 1);
    }

    /// <summary>Counts its runs by job name.</summary>
    public sealed class MarkJob : IJob
    {
        public static readonly ConcurrentDictionary<string, int> Runs = new();

        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
        {
            Runs.AddOrUpdate(context.JobDetail.Key.Name, 1, (_, n) => n + 1);
            return ValueTask.CompletedTask;
        }
    }
}
