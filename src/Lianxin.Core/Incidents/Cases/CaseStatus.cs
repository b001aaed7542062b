namespace Lianxin.Core.Incidents.Cases;

public enum CaseStatus
{
    Open = 1, // 办理中
    Concluded = 2, // 已办结
}
