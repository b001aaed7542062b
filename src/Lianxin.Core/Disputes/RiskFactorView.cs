namespace Lianxin.Core.Disputes;

public sealed record RiskFactorView(string Factor, int Points, string Reason);
