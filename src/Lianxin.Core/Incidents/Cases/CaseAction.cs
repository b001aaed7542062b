namespace Lianxin.Core.Incidents.Cases;

/// <summary>The things that can happen to a public-security case; which of them a state allows is in
/// <see cref="CaseTransitions"/>.</summary>
public enum CaseAction
{
    Conclude = 1,
    Warn,
    NotifyOverdue,
}

public static class CaseActions
{
    public static string Label(this CaseAction action) => action switch
    {
        CaseAction.Conclude => "办结",
        CaseAction.Warn => "发送临期预警",
        CaseAction.NotifyOverdue => "发送超期提醒",
        _ => action.ToString(),
    };
}
