namespace Lianxin.Core.Disputes;

/// <summary>A follow-up visit (回访) after a dispute ended, to check it stays settled. Changed only
/// through <see cref="Dispute.RecordFollowUp"/>.</summary>
public sealed class FollowUp
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset ScheduledAt { get; private set; }
    public string ScheduledById { get; private set; } = "";
    public DateTimeOffset? DoneAt { get; private set; }
    public string? DoneById { get; private set; }
    public FollowUpResult? Result { get; private set; }
    public string? Note { get; private set; }

    /// <summary>Set when the dispute reopened before this visit happened: the visit no longer applies.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>The account that makes the visit; reminded before it is due. Defaults to whoever booked it.</summary>
    public string? AssignedToId { get; private set; }

    /// <summary>When the visitor was reminded, so a reminder goes out once per assignment.</summary>
    public DateTimeOffset? RemindedAt { get; internal set; }

    private FollowUp() { }

    internal FollowUp(DateTimeOffset dueAt, string scheduledById, DateTimeOffset scheduledAt, string? assignedToId = null)
    {
        DueAt = dueAt;
        ScheduledById = scheduledById;
        ScheduledAt = scheduledAt;
        AssignedToId = assignedToId ?? scheduledById;
    }

    /// <summary>Who is reminded and expected to visit.</summary>
    public string VisitorId => AssignedToId ?? ScheduledById;

    internal void Assign(string assigneeId)
    {
        AssignedToId = assigneeId;
        RemindedAt = null;
    }

    public bool IsDone => DoneAt is not null;
    public bool IsCancelled => CancelledAt is not null;
    public bool IsPending => !IsDone && !IsCancelled;

    public bool IsOverdue(DateTimeOffset now) => IsPending && now > DueAt;

    internal void MarkDone(FollowUpResult result, string byId, DateTimeOffset at, string? note)
    {
        Result = result;
        DoneById = byId;
        DoneAt = at;
        Note = note;
    }

    internal void Cancel(DateTimeOffset at) => CancelledAt = at;
}
