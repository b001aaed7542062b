namespace Lianxin.Core.Disputes;

public static class DisputeSources
{
    public static string Label(this DisputeSource source) =>
        source switch
        {
            DisputeSource.Incident110 => "110 警情",
            DisputeSource.WalkIn => "来所来访",
            DisputeSource.Screening => "走访排查",
            DisputeSource.HouseholdHead => "百户长报告",
            DisputeSource.GridWorker => "网格员报告",
            DisputeSource.SecurityCommittee => "治保会报告",
            DisputeSource.Petition => "信访",
            DisputeSource.SiteCheck => "工地检查",
            DisputeSource.ReferralIn => "外部移交",
            DisputeSource.Other => "其他",
            _ => source.ToString(),
        };
}
