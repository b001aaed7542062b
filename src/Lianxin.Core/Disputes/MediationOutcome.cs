namespace Lianxin.Core.Disputes;

/// <summary>How one mediation session ended. It does not move the dispute by itself: the person
/// takes the matching step (resolve, record failure, escalate) on the dispute.</summary>
public enum MediationOutcome
{
    Agreed = 1, // 达成协议
    PartlyAgreed = 2, // 部分达成
    NotAgreed = 3, // 未达成
    Adjourned = 4, // 择期再调
}
