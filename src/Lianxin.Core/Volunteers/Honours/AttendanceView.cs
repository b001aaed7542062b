namespace Lianxin.Core.Volunteers.Honours;

public sealed record AttendanceView(
    Guid VolunteerId,
    string VolunteerName,
    string? UnitName,
    bool Attended,
    bool Passed,
    string? CertificateNumber,
    DateTimeOffset RecordedAt
);
