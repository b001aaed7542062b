namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The focus list's state machine in one table, by the cluster's <see cref="FocusStatus"/> (null: not on
/// the list). <see cref="RepeatCluster"/> checks every action here first, and the refusal names what is allowed
/// instead. Any status may be set again while on the list (a settled place can flare up); a cluster that grows
/// after it was settled goes back to open by itself.</summary>
public static class FocusTransitions
{
    private static readonly FocusAction[] OnList = [FocusAction.ChangeOwner, FocusAction.ChangeStatus, FocusAction.AddNote];

    public static IReadOnlyList<FocusAction> Allowed(FocusStatus? status) =>
        status switch
        {
            null => [FocusAction.AddToFocus],
            FocusStatus.Settled => [.. OnList, FocusAction.GrowAgain],
            FocusStatus.Open or FocusStatus.Following => OnList,
            _ => [],
        };

    public static bool IsAllowed(FocusStatus? status, FocusAction action) => Allowed(status).Contains(action);

    public static string Describe(FocusStatus? status) => status?.Label() ?? "未列入重点关注";

    /// <summary>"该重复警情当前为“未列入重点关注”，不能添加跟进记录。当前可以：加入重点关注。" — what a refused person reads.</summary>
    public static string RefusalMessage(FocusStatus? status, FocusAction action)
    {
        var allowed = Allowed(status);
        var options = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(a => a.Label()));
        return $"该重复警情当前为“{Describe(status)}”，不能{action.Label()}。当前可以：{options}。";
    }
}
