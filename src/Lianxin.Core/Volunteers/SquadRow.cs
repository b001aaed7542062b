namespace Lianxin.Core.Volunteers;

public sealed record SquadRow(
    Guid Id,
    string Name,
    string TypeCode,
    Guid OrgUnitId,
    string? OrgUnitName,
    string? PartnerName,
    DateOnly? AgreementFrom,
    DateOnly? AgreementTo,
    bool IsActive,
    int MemberCount,
    string? LeaderName,
    long Version
);
