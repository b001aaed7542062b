namespace Lianxin.Core.Volunteers;

/// <summary>What staff may correct on a record. A null <see cref="AssistantKindCode"/> makes the volunteer no longer a
/// police assistant.</summary>
public sealed record VolunteerProfileInput(
    List<string>? Skills,
    VolunteerAvailability? Availability,
    Guid? OrgUnitId,
    string? AssistantKindCode,
    string? Note,
    long? Version
);
