namespace Lianxin.Core.Volunteers.Tips;

/// <summary>Tips by unit in a period, and what came of them ("cases solved from tips").</summary>
public sealed record TipFigures(
    DateOnly From,
    DateOnly To,
    int Received,
    int Open,
    int ActedOn,
    int Dismissed,
    int ToIncident,
    int ToCase,
    int ToDispute,
    int HazardsFixed,
    int OtherOutcome,
    int FromVolunteers,
    int Anonymous,
    IReadOnlyList<TipUnitFigures> Units
);
