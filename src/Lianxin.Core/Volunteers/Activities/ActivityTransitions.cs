namespace Lianxin.Core.Volunteers.Activities;

/// <summary>An activity's life in one table: what each state allows. <see cref="Activity"/> checks every action here
/// first, and the refusal names what is allowed instead, so the table and the messages cannot drift apart. Rules of
/// time (not after the start, not before it) are checked by the activity's methods after the table.</summary>
public static class ActivityTransitions
{
    public static IReadOnlyList<ActivityAction> Allowed(ActivityStatus status) =>
        status switch
        {
            // A draft can already collect decisions on sign-ups carried over from an earlier publication.
            ActivityStatus.Draft => [ActivityAction.Edit, ActivityAction.Publish, ActivityAction.Cancel, ActivityAction.HandleSignups],
            ActivityStatus.Published =>
            [
                ActivityAction.Edit,
                ActivityAction.Cancel,
                ActivityAction.Finish,
                ActivityAction.HandleSignups,
                ActivityAction.SignUp,
                ActivityAction.CheckInOut,
            ],
            // The report is written once the hours are credited.
            ActivityStatus.Finished => [ActivityAction.WriteReport],
            _ => [],
        };

    public static bool IsAllowed(ActivityStatus status, ActivityAction action) => Allowed(status).Contains(action);

    /// <summary>"活动当前为“已结束”，不能报名或取消报名。当前可以：写活动报道。" — what a refused person reads.</summary>
    public static string RefusalMessage(ActivityStatus status, ActivityAction action)
    {
        var allowed = Allowed(status);
        var options = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(a => a.Label()));
        return $"活动当前为“{status.Label()}”，不能{action.Label()}。当前可以：{options}。";
    }
}
