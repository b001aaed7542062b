namespace Lianxin.Core.Disputes;

/// <summary>The explainable reasons a dispute may escalate; each scores points in <see cref="RiskGrader"/>.</summary>
public enum RiskFactor
{
    RepeatedAtAddress = 1, // 同一地址重复警情
    RepeatedBetweenParties = 2, // 同一当事人之间重复警情
    ThreatOrViolence = 3, // 描述中有威胁或暴力字眼
    ManyParties = 4, // 当事人多
    VulnerableParties = 5, // 涉及弱势当事人
    EarlierFailedMediation = 6, // 此前调解未成
    LongOpen = 7, // 久拖未决
}
