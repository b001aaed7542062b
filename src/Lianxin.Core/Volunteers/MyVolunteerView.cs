namespace Lianxin.Core.Volunteers;

/// <summary>The caller's own record as the phone shows it. <see cref="HasRecord"/> false: never applied.
/// <see cref="Reason"/> is the reason of the last decline, suspension or retirement, which the person may read.</summary>
public sealed record MyVolunteerView(
    bool HasRecord,
    Guid? Id,
    VolunteerStatus? Status,
    string? StatusLabel,
    string? Name,
    string? PhoneMasked,
    string? OrgUnitName,
    IReadOnlyList<string> Skills,
    VolunteerAvailability Availability,
    string? Statement,
    DateTimeOffset? AppliedAt,
    DateTimeOffset? JoinedAt,
    string? Reason,
    bool CanApply,
    IReadOnlyList<VolunteerSquadView> Squads,
    VolunteerCreditTotals Credits
);
