namespace Lianxin.Core.Disputes;

/// <summary>One factor that added to the grade, with its points and a reason a person can check.</summary>
public sealed record RiskFactorScore(RiskFactor Factor, int Points, string Reason);
