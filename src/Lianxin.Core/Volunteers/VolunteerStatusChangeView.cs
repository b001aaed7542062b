namespace Lianxin.Core.Volunteers;

public sealed record VolunteerStatusChangeView(
    VolunteerStatus? From,
    VolunteerStatus To,
    string? Reason,
    DateTimeOffset At,
    string? ByName
);
