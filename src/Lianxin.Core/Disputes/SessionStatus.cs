namespace Lianxin.Core.Disputes;

/// <summary>A mediation session is planned, then held (with summary and outcome) or cancelled. It may
/// also be recorded as held straight away.</summary>
public enum SessionStatus
{
    Planned = 1,   // 已计划
    Held = 2,      // 已召开
    Cancelled = 3, // 已取消
}

public static class SessionStatuses
{
    public static string Label(this SessionStatus status) => status switch
    {
        SessionStatus.Planned => "已计划",
        SessionStatus.Held => "已召开",
        SessionStatus.Cancelled => "已取消",
        _ => status.ToString(),
    };
}
