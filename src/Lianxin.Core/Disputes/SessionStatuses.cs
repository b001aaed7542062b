namespace Lianxin.Core.Disputes;

public static class SessionStatuses
{
    public static string Label(this SessionStatus status) =>
        status switch
        {
            SessionStatus.Planned => "已计划",
            SessionStatus.Held => "已召开",
            SessionStatus.Cancelled => "已取消",
            _ => status.ToString(),
        };
}
