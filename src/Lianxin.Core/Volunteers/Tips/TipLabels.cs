namespace Lianxin.Core.Volunteers.Tips;

public static class TipLabels
{
    public static string Label(this TipStatus s) =>
        s switch
        {
            TipStatus.Received => "待研判",
            TipStatus.Checking => "核查中",
            TipStatus.ActedOn => "已处置",
            TipStatus.Closed => "已反馈",
            TipStatus.Dismissed => "不予采纳",
            _ => s.ToString(),
        };

    public static string Label(this TipOutcome o) =>
        o switch
        {
            TipOutcome.Incident => "已转为警情处置",
            TipOutcome.Case => "已立为治安案件",
            TipOutcome.Dispute => "已转为矛盾纠纷调处",
            TipOutcome.HazardFixed => "安全隐患已整改",
            TipOutcome.Other => "已处置",
            _ => o.ToString(),
        };

    public static string Label(this TipSenderKind k) => k == TipSenderKind.Volunteer ? "义警" : "群众";
}
