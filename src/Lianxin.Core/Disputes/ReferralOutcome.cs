namespace Lianxin.Core.Disputes;

/// <summary>What the receiver reports back at the end.</summary>
public enum ReferralOutcome
{
    Resolved = 1, // 已化解
    NotResolved = 2, // 未化解
    Returned = 3, // 退回
}
