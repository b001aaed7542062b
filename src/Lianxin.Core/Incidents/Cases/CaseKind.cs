namespace Lianxin.Core.Incidents.Cases;

/// <summary>How much work a public-security case needs, which sets its time limit (治安案件"1、3、7日"办理机制).</summary>
public enum CaseKind
{
    Simple = 1, // 简易案件: 1 day
    General = 2, // 一般案件: 3 days
    Complex = 3, // 复杂案件: 7 days
}
