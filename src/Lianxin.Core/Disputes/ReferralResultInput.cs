namespace Lianxin.Core.Disputes;

public sealed record ReferralResultInput(ReferralOutcome? Outcome, string? ResultText, string? ReceiverName, long? Version = null);
