namespace Lianxin.Core.Disputes.Figures;

/// <summary>One figure's name and its definition as shown on screen.</summary>
public sealed record DisputeFigureDefinition(string Key, string Label, string Definition);
