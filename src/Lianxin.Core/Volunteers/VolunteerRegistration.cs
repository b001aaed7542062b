using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers;

/// <summary>What staff fill in to register a volunteer themselves, for someone who does not use a phone. The phone
/// is required: it is how a later application from the person's own account finds this record.</summary>
public sealed record VolunteerRegistration(
    string? Name,
    Gender? Gender,
    string? Phone,
    string? IdNumber,
    Guid? OrgUnitId,
    List<string>? Skills,
    VolunteerAvailability? Availability,
    string? AssistantKindCode,
    string? Note
);
