namespace Lianxin.Core.Volunteers.Honours;

/// <summary>A volunteer who could attend a session, with what is recorded for them so far.</summary>
public sealed record RosterRow(
    Guid VolunteerId,
    string Name,
    string? UnitName,
    VolunteerStatus Status,
    bool? Attended,
    bool Passed,
    string? CertificateNumber
);
