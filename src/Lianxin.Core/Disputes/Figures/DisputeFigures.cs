namespace Lianxin.Core.Disputes.Figures;

/// <summary>The figures for a period and for the same period a year earlier, with the definitions.</summary>
public sealed record DisputeFigures(
    Guid? OrgUnitId,
    string UnitName,
    DisputeFigureSet Current,
    DisputeFigureSet PreviousYear,
    IReadOnlyList<DisputeFigureDefinition> Definitions
);
