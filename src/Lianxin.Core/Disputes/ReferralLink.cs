namespace Lianxin.Core.Disputes;

/// <summary>A freshly issued link token; shown once, only its hash is kept.</summary>
public sealed record ReferralLink(string Token, DateTimeOffset ExpiresAt);
