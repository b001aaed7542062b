namespace Lianxin.Core.Incidents.Repeats;

public static class LookBackTaskActions
{
    public static string Label(this LookBackTaskAction action) =>
        action switch
        {
            LookBackTaskAction.Assign => "改派",
            LookBackTaskAction.RecordResult => "登记结果",
            LookBackTaskAction.Remind => "提醒",
            _ => action.ToString(),
        };
}
