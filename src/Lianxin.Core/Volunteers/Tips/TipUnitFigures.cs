namespace Lianxin.Core.Volunteers.Tips;

public sealed record TipUnitFigures(
    Guid OrgUnitId,
    string UnitName,
    int Received,
    int ActedOn,
    int Dismissed,
    int ToIncident,
    int ToCase,
    int ToDispute,
    int HazardsFixed
);
