namespace Lianxin.Core.Volunteers.Tips;

/// <summary>The tip's state machine in one table: what each state allows. <see cref="Tip"/> checks every action
/// here first, and the refusal names what is allowed instead, so the table and the messages cannot drift apart.</summary>
public static class TipTransitions
{
    public static IReadOnlyList<TipAction> Allowed(TipStatus status) =>
        status switch
        {
            // The sender may add photos only while nobody has taken the tip up.
            TipStatus.Received => [TipAction.AddPhoto, TipAction.StartChecking, TipAction.Dismiss, TipAction.Act],
            TipStatus.Checking => [TipAction.Dismiss, TipAction.Act],
            // Told back only after something was done with it.
            TipStatus.ActedOn => [TipAction.Close],
            _ => [],
        };

    public static bool IsAllowed(TipStatus status, TipAction action) => Allowed(status).Contains(action);

    /// <summary>"线索当前为“核查中”，不能开始核查。当前可以：作不予采纳处理、处置。" — what a refused handler reads.
    /// The sender adding a photo reads only that the tip is being handled: the handlers' steps are not theirs.</summary>
    public static string RefusalMessage(TipStatus status, TipAction action)
    {
        if (action == TipAction.AddPhoto)
            return "线索已在处理，不能再添加照片";
        var allowed = Allowed(status).Where(a => a != TipAction.AddPhoto).ToList();
        var options = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(a => a.Label()));
        return $"线索当前为“{status.Label()}”，不能{action.Label()}。当前可以：{options}。";
    }
}
