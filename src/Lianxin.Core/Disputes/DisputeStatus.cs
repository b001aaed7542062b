namespace Lianxin.Core.Disputes;

/// <summary>Where a dispute stands in the closed loop (闭环): open, ended one of four ways, or closed
/// after follow-up. The mediation level is kept beside it (<see cref="Dispute.Level"/>).</summary>
public enum DisputeStatus
{
    Registered = 1,  // 已登记
    Triaged = 2,     // 已分流
    Mediating = 3,   // 调解中
    Resolved = 4,    // 已化解
    Referred = 5,    // 已移交
    Failed = 6,      // 调解不成
    Withdrawn = 7,   // 已撤回
    Closed = 8,      // 已结案
}

public static class DisputeStatuses
{
    public static string Label(this DisputeStatus status) => status switch
    {
        DisputeStatus.Registered => "已登记",
        DisputeStatus.Triaged => "已分流",
        DisputeStatus.Mediating => "调解中",
        DisputeStatus.Resolved => "已化解",
        DisputeStatus.Referred => "已移交",
        DisputeStatus.Failed => "调解不成",
        DisputeStatus.Withdrawn => "已撤回",
        DisputeStatus.Closed => "已结案",
        _ => status.ToString(),
    };

    /// <summary>Still being worked: the one-month mediation limit applies once triaged.</summary>
    public static bool IsOpen(this DisputeStatus status) =>
        status is DisputeStatus.Registered or DisputeStatus.Triaged or DisputeStatus.Mediating;

    /// <summary>Ended but not yet closed: waiting for follow-up visits.</summary>
    public static bool IsEnded(this DisputeStatus status) =>
        status is DisputeStatus.Resolved or DisputeStatus.Referred or DisputeStatus.Failed or DisputeStatus.Withdrawn;
}
