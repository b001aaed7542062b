namespace Lianxin.Core.Disputes.Figures;

/// <summary>Which figures count one dispute in a period (<see cref="DisputeFigureRules.Tally"/>), and the time
/// (whole milliseconds) from its registration to its last resolution in the period when it was resolved in it.</summary>
public sealed record DisputeTallyResult(IReadOnlySet<DisputeFigure> Figures, long? MillisecondsToResolve)
{
    public bool Counts(DisputeFigure figure) => Figures.Contains(figure);
}
