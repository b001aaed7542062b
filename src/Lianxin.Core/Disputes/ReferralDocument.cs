namespace Lianxin.Core.Disputes;

/// <summary>What the print page of the transfer form (移交函) shows.</summary>
public sealed record ReferralDocument(
    ReferralView Referral,
    string DisputeNumber,
    string DisputeTitle,
    string? Category,
    string? UnitName,
    string? StationName,
    string ReferredByName
);
