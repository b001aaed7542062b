using Quartz;

namespace Lianxin.Web.Hosting;

/// <summary>The Quartz job that runs <see cref="ReminderSweep"/> on its interval; never two at once on a node.</summary>
[DisallowConcurrentExecution]
public sealed class ReminderSweepJob(ReminderSweep sweep) : IJob
{
    public static readonly JobKey Key = new("reminder-sweep", "lianxin");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        await sweep.RunAsync(cancellationToken);
}
