using Quartz;

namespace Lianxin.Web.Hosting;

/// <summary>The Quartz job that runs <see cref="ReminderSweep"/> on its interval; never two at once on a node. Each run
/// is logged with its trigger and the node (scheduler instance) that took it, so an operator can see where and when
/// the sweep ran, and that a firing ran on one node only.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderSweepJob(ReminderSweep sweep, ILogger<ReminderSweepJob> log) : IJob
{
    public static readonly JobKey Key = new("reminder-sweep", "lianxin");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        log.LogInformation(
            "Job {Job} fired by {Trigger} runs on {Instance}",
            context.JobDetail.Key.ToString(),
            context.Trigger.Key.ToString(),
            context.Scheduler.SchedulerInstanceId
        );
        await sweep.RunAsync(cancellationToken);
    }
}
