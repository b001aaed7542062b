namespace Lianxin.Core.Disputes;

public static class DisputeStatuses
{
    public static string Label(this DisputeStatus status) =>
        status switch
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
