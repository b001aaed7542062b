namespace Lianxin.Core.Disputes;

/// <summary>One step of a dispute's timeline: who moved it, when, from where to where, and why.
/// Written only by <see cref="Dispute"/>; never edited.</summary>
public sealed class DisputeEvent
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public DisputeEventKind Kind { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ById { get; private set; } = "";
    public DisputeStatus? FromStatus { get; private set; }
    public MediationLevel? FromLevel { get; private set; }
    public DisputeStatus ToStatus { get; private set; }
    public MediationLevel? ToLevel { get; private set; }
    public string? Reason { get; private set; }

    private DisputeEvent() { }

    /// <summary>An event with only what the figures read, for counting from a projection of the timeline.</summary>
    internal static DisputeEvent ForFigures(DisputeEventKind kind, DateTimeOffset at, DisputeStatus toStatus, MediationLevel? toLevel) =>
        new(kind, at, "", null, null, toStatus, toLevel, null);

    internal DisputeEvent(
        DisputeEventKind kind,
        DateTimeOffset at,
        string byId,
        DisputeStatus? fromStatus,
        MediationLevel? fromLevel,
        DisputeStatus toStatus,
        MediationLevel? toLevel,
        string? reason
    )
    {
        Kind = kind;
        At = at;
        ById = byId;
        FromStatus = fromStatus;
        FromLevel = fromLevel;
        ToStatus = toStatus;
        ToLevel = toLevel;
        Reason = reason;
    }
}
