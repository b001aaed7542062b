namespace Lianxin.Core.Incidents.Cases;

public static class CaseActions
{
    public static string Label(this CaseAction action) =>
        action switch
        {
            CaseAction.Conclude => "办结",
            CaseAction.Warn => "发送临期预警",
            CaseAction.NotifyOverdue => "发送超期提醒",
            _ => action.ToString(),
        };
}
