namespace Lianxin.Core.Disputes;

/// <summary>What a session is given: the level (default: the dispute's current one), the time (planned,
/// or when it was held), a place or a video link, who mediated and who attended; once held, the
/// summary and the outcome.</summary>
public sealed record SessionForm
{
    public MediationLevel? Level { get; init; }
    public DateTimeOffset? At { get; init; }
    public string? Place { get; init; }
    public string? VideoLink { get; init; }
    public IReadOnlyList<SessionMediator> Mediators { get; init; } = [];
    public IReadOnlyList<SessionAttendee> Attendees { get; init; } = [];
    public string? Summary { get; init; }
    public MediationOutcome? Outcome { get; init; }
}
