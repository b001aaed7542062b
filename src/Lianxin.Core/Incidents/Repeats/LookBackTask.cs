using Lianxin.Core.Common;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>One week's patrol or spot check of a look-back. It changes only through its methods, checked against
/// <see cref="LookBackTaskTransitions"/>: reassigned and reminded while pending, done once its result is in.</summary>
public sealed class LookBackTask
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PlanId { get; private set; }
    public int Week { get; private set; }
    public LookBackTaskKind Kind { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public string? AssigneeId { get; private set; }
    public LookBackResult? Result { get; private set; }
    public string? ResultNote { get; private set; }
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneById { get; private set; }
    public DateTimeOffset? RemindedAt { get; private set; }

    private LookBackTask() { }

    internal LookBackTask(Guid planId, int week, LookBackTaskKind kind, DateTimeOffset dueAt, string? assigneeId) =>
        (PlanId, Week, Kind, DueAt, AssigneeId) = (planId, week, kind, dueAt, assigneeId);

    public LookBackTaskState State => DoneAt is null ? LookBackTaskState.Pending : LookBackTaskState.Done;

    public IReadOnlyList<LookBackTaskAction> AllowedActions => LookBackTaskTransitions.Allowed(State);

    /// <summary>Hands the task to someone else; the new assignee is reminded afresh.</summary>
    public void Assign(string assigneeId)
    {
        Require(LookBackTaskAction.Assign);
        AssigneeId = assigneeId;
        RemindedAt = null;
    }

    /// <summary>Records what the patrol or check found; finding the activity again needs a note saying what.</summary>
    public void RecordResult(LookBackResult result, string? note, string? by, DateTimeOffset at)
    {
        Require(LookBackTaskAction.RecordResult);
        if (!Enum.IsDefined(result))
            throw new ValidationFailedException("result", "请选择结果（正常或发现反弹）");
        if (result == LookBackResult.FoundAgain && string.IsNullOrWhiteSpace(note))
            throw new ValidationFailedException("note", "发现反弹时请写明情况");
        (Result, ResultNote, DoneAt, DoneById) = (result, note, at, by);
    }

    /// <summary>Records that the coming-due reminder went out, once per assignee.</summary>
    public void MarkReminded(DateTimeOffset at)
    {
        Require(LookBackTaskAction.Remind);
        RemindedAt = at;
    }

    private void Require(LookBackTaskAction action)
    {
        if (!LookBackTaskTransitions.IsAllowed(State, action))
            throw new ConflictException(LookBackTaskTransitions.RefusalMessage(State, action));
    }
}
