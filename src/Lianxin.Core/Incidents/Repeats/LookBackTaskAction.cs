namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The things that can happen to a look-back task; which of them a state allows is in
/// <see cref="LookBackTaskTransitions"/>.</summary>
public enum LookBackTaskAction
{
    Assign = 1,
    RecordResult,
    Remind,
}

public static class LookBackTaskActions
{
    public static string Label(this LookBackTaskAction action) => action switch
    {
        LookBackTaskAction.Assign => "改派",
        LookBackTaskAction.RecordResult => "登记结果",
        LookBackTaskAction.Remind => "提醒",
        _ => action.ToString(),
    };
}
