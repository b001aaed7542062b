namespace Lianxin.Core.Disputes;

/// <summary>What the records say around a dispute, counted by <see cref="DisputeRiskGrader"/>: the 110 incidents
/// linked to disputes registered earlier at the same address, the incidents linked to this dispute (the calls
/// between these parties, 重复警情), and earlier disputes at the address whose mediation failed.</summary>
public sealed record RiskHistory(int EarlierIncidentsAtAddress = 0, int EarlierIncidentsBetweenParties = 0, int EarlierFailedDisputes = 0)
{
    public static RiskHistory None { get; } = new();
}
