using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>回头看: after illegal activity at a place is dealt with, patrols and spot checks there for a
/// number of weeks, so it does not come back. Each week's task is assigned to someone and its result
/// recorded; a relapse tells the station leader at once.</summary>
public sealed class LookBackPlan : Entity, IScoped
{
    public Guid OrgUnitId { get; init; }
    public OrgUnit? OrgUnit { get; private set; }
    public string Address { get; init; } = "";
    public string? AddressKey { get; init; }
    public LookBackCategory Category { get; init; }

    /// <summary>The day the activity was dealt with (China date); the first task falls in the week after.</summary>
    public DateOnly DealtOn { get; init; }
    public int Weeks { get; init; }
    public string? Note { get; init; }
    public List<LookBackTask> Tasks { get; private set; } = [];

    /// <summary>Adds the task of one week; tasks are made only with their plan.</summary>
    public LookBackTask AddTask(int week, LookBackTaskKind kind, DateTimeOffset dueAt, string? assigneeId)
    {
        var task = new LookBackTask(Id, week, kind, dueAt, assigneeId);
        Tasks.Add(task);
        return task;
    }
}
