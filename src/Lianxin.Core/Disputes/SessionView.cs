using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

public sealed record SessionView(
    Guid Id,
    Guid DisputeId,
    MediationLevel Level,
    SessionStatus Status,
    DateTimeOffset At,
    DateTimeOffset? PlannedAt,
    string? Place,
    string? VideoLink,
    IReadOnlyList<MediatorView> Mediators,
    IReadOnlyList<AttendeeView> Attendees,
    string? Summary,
    MediationOutcome? Outcome,
    DateTimeOffset? RecordedAt,
    DateTimeOffset? CancelledAt,
    string? CancelReason,
    DateTimeOffset? ReminderSentAt,
    long Version
)
{
    public string LevelLabel => Level.Label();
    public string StatusLabel => Status.Label();
    public string? OutcomeLabel => Outcome?.Label();

    public static SessionView From(MediationSession s) =>
        new(
            s.Id,
            s.DisputeId,
            s.Level,
            s.Status,
            s.At,
            s.PlannedAt,
            s.Place,
            s.VideoLink,
            s.Mediators.Select(m => new MediatorView(m.MemberId, m.Name, m.Organization, m.Kind)).ToList(),
            s.Attendees.Select(a => new AttendeeView(a.Name, a.PartyId, a.Note)).ToList(),
            s.Summary,
            s.Outcome,
            s.RecordedAt,
            s.CancelledAt,
            s.CancelReason,
            s.ReminderSentAt,
            s.Version
        );
}
