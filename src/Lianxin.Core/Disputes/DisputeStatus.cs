namespace Lianxin.Core.Disputes;

/// <summary>Where a dispute stands in the closed loop (闭环): open, ended one of four ways, or closed
/// after follow-up. The mediation level is kept beside it (<see cref="Dispute.Level"/>).</summary>
public enum DisputeStatus
{
    Registered = 1, // 已登记
    Triaged = 2, // 已分流
    Mediating = 3, // 调解中
    Resolved = 4, // 已化解
    Referred = 5, // 已移交
    Failed = 6, // 调解不成
    Withdrawn = 7, // 已撤回
    Closed = 8, // 已结案
}
