namespace Lianxin.Core.Disputes;

/// <summary>The grade and the factors behind it. Only factors that scored are listed.</summary>
public sealed record RiskAssessment(DisputeRisk Grade, int TotalPoints, IReadOnlyList<RiskFactorScore> Factors)
{
    /// <summary>The station leader must be notified at once.</summary>
    public bool IsRed => Grade == DisputeRisk.Red;

    public RiskFactorScore? For(RiskFactor factor) => Factors.FirstOrDefault(f => f.Factor == factor);
}
