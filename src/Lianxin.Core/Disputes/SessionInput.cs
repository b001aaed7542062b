namespace Lianxin.Core.Disputes;

/// <summary>Plans a session, or records it as held when an outcome is given. "at" is the planned time,
/// or when it was held.</summary>
public sealed record SessionInput(
    MediationLevel? Level,
    DateTimeOffset? At,
    string? Place,
    string? VideoLink,
    List<MediatorInput>? Mediators,
    List<AttendeeInput>? Attendees,
    string? Summary = null,
    MediationOutcome? Outcome = null,
    long? Version = null
);
