namespace Lianxin.Core.Disputes;

/// <summary>The form prefilled from the dispute, for the referral dialog.</summary>
public sealed record ReferralDraft(string Facts, string Reason, string? WorkDone, long DisputeVersion);
