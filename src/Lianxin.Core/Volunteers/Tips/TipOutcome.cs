namespace Lianxin.Core.Volunteers.Tips;

public enum TipOutcome
{
    Incident = 1, // 转为警情
    Case = 2, // 立为治安案件
    Dispute = 3, // 转为矛盾纠纷
    HazardFixed = 4, // 隐患已整改
    Other = 5, // 其他处置
}
