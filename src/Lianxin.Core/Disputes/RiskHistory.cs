namespace Lianxin.Core.Disputes;

/// <summary>What the records say around a dispute, counted by the caller (incident analysis finds
/// repeated calls, 重复警情): earlier incidents at the same address, earlier incidents between the same
/// people, and earlier disputes between them whose mediation failed.</summary>
public sealed record RiskHistory(int EarlierIncidentsAtAddress = 0, int EarlierIncidentsBetweenParties = 0, int EarlierFailedDisputes = 0)
{
    public static RiskHistory None { get; } = new();
}
