using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers;

public sealed record VolunteerRow(
    Guid Id,
    string Name,
    Gender Gender,
    string? PhoneMasked,
    Guid OrgUnitId,
    string? OrgUnitName,
    IReadOnlyList<string> Skills,
    VolunteerAvailability Availability,
    VolunteerStatus Status,
    DateTimeOffset AppliedAt,
    DateTimeOffset? JoinedAt,
    string? AssistantKindCode,
    long Version
)
{
    public string StatusLabel => Status.Label();
}
