namespace Lianxin.Core.Volunteers.Figures;

public sealed record VolunteerFigures(
    Guid? OrgUnitId,
    string UnitName,
    DateOnly From,
    DateOnly To,
    VolunteerFigureSet Total,
    IReadOnlyList<VolunteerFigureRow> Units,
    IReadOnlyList<VolunteerFigureRow> Squads,
    string ActiveDefinition
);
