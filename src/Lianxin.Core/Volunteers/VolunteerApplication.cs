using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers;

/// <summary>What a person fills in on the phone to join. The unit is where they live; left empty it is the
/// unit of their account.</summary>
public sealed record VolunteerApplication(
    string? Name,
    Gender? Gender,
    string? Phone,
    string? IdNumber,
    Guid? OrgUnitId,
    List<string>? Skills,
    VolunteerAvailability? Availability,
    string? Statement
);
