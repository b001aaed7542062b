namespace Lianxin.Core.Incidents.Repeats;

public static class LookBackTaskStates
{
    public static string Label(this LookBackTaskState s) =>
        s switch
        {
            LookBackTaskState.Pending => "待完成",
            LookBackTaskState.Done => "已登记结果",
            _ => s.ToString(),
        };
}
