namespace Lianxin.Core.Volunteers;

public sealed record VolunteerFilter(
    string? Q = null,
    VolunteerStatus? Status = null,
    Guid? OrgUnitId = null,
    string? Skill = null,
    Guid? SquadId = null,
    string? AssistantKind = null,
    bool? Assistant = null
);
