namespace Lianxin.Core.Disputes;

/// <summary>How a dispute came to the station's notice.</summary>
public enum DisputeSource
{
    Incident110 = 1, // 110 警情
    WalkIn = 2, // 来所来访
    Screening = 3, // 走访排查 / 常态化摸排
    HouseholdHead = 4, // 百户长报告
    GridWorker = 5, // 网格员报告
    SecurityCommittee = 6, // 治保会报告
    Petition = 7, // 信访
    SiteCheck = 8, // 工地检查
    ReferralIn = 9, // 外部移交
    Other = 10,
}
