namespace Lianxin.Core.Organization;

public sealed record MemberFilter(
    string? Q = null,
    MemberKind? Kind = null,
    Guid? OrgUnitId = null,
    string? Skill = null,
    bool? Active = null
);
