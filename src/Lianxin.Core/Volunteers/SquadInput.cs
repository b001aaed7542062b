namespace Lianxin.Core.Volunteers;

/// <summary>A squad as staff fill it in. A joint-defence team (<see cref="SquadTypes.JointDefence"/>) names its partner
/// enterprise and the dates of its agreement.</summary>
public sealed record SquadInput(
    string? Name,
    string? TypeCode,
    Guid? OrgUnitId,
    string? Description,
    string? PartnerName,
    DateOnly? AgreementFrom,
    DateOnly? AgreementTo,
    long? Version = null
);
