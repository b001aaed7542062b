namespace Lianxin.Core.Organization;

public sealed record ResidentFilter(
    string? Q = null,
    string? IdNumber = null,
    string? Phone = null,
    Guid? OrgUnitId = null,
    string? Tag = null,
    string? Sort = null
);
