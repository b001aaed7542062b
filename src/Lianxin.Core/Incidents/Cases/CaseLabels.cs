namespace Lianxin.Core.Incidents.Cases;

public static class CaseLabels
{
    public static string Label(this CaseKind k) =>
        k switch
        {
            CaseKind.Simple => "简易案件",
            CaseKind.General => "一般案件",
            CaseKind.Complex => "复杂案件",
            _ => k.ToString(),
        };

    public static string Label(this CaseStatus s) =>
        s switch
        {
            CaseStatus.Open => "办理中",
            CaseStatus.Concluded => "已办结",
            _ => s.ToString(),
        };
}
