namespace Lianxin.Core.Volunteers.Figures;

/// <summary>A line of the breakdown: a unit below the one asked for, or a squad.</summary>
public sealed record VolunteerFigureRow(Guid? Id, string Name, string Kind, VolunteerFigureSet Figures);
