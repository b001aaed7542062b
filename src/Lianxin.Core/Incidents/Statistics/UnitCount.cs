namespace Lianxin.Core.Incidents.Statistics;

/// <summary>One row of the breakdown by unit: a child unit with everything below it, or the unit's own incidents
/// (<see cref="Own"/>). <see cref="ByCategory"/> follows the order of <see cref="IncidentStatistics.ByCategory"/>
/// (the heat table).</summary>
public sealed record UnitCount(
    Guid OrgUnitId,
    string Name,
    string KindLabel,
    bool Own,
    int Total,
    int Valid,
    int Preventable,
    IReadOnlyList<int> ByCategory
);
