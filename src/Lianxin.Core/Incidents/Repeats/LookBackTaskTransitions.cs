namespace Lianxin.Core.Incidents.Repeats;

/// <summary>A look-back task's state machine in one table: a pending task may be reassigned, reminded about and
/// given its result; once the result is in, it is the record of what was found and stays as it is.</summary>
public static class LookBackTaskTransitions
{
    public static IReadOnlyList<LookBackTaskAction> Allowed(LookBackTaskState state) =>
        state switch
        {
            LookBackTaskState.Pending => [LookBackTaskAction.Assign, LookBackTaskAction.RecordResult, LookBackTaskAction.Remind],
            _ => [],
        };

    public static bool IsAllowed(LookBackTaskState state, LookBackTaskAction action) => Allowed(state).Contains(action);

    /// <summary>"回头看任务当前为“已登记结果”，不能改派。当前可以：无。" — what a refused person reads.</summary>
    public static string RefusalMessage(LookBackTaskState state, LookBackTaskAction action)
    {
        var allowed = Allowed(state);
        var options = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(a => a.Label()));
        return $"回头看任务当前为“{state.Label()}”，不能{action.Label()}。当前可以：{options}。";
    }
}
