namespace Lianxin.Core.Disputes;

/// <summary>An acknowledgement: the name of the person at the receiver who took the case.</summary>
public sealed record ReferralAcknowledgeInput(string? ReceiverName, long? Version = null);
