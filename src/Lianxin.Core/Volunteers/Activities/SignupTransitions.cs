namespace Lianxin.Core.Volunteers.Activities;

/// <summary>A sign-up's life in one table. <see cref="ActivitySignup"/> checks every step here first; what the
/// activity's own state allows is <see cref="ActivityTransitions"/>, and the places, windows and distances are
/// <see cref="ActivityRules"/>.</summary>
public static class SignupTransitions
{
    public static IReadOnlyList<SignupAction> Allowed(SignupStatus status) =>
        status switch
        {
            SignupStatus.Pending => [SignupAction.Approve, SignupAction.Decline, SignupAction.Cancel],
            // Approving from the wait list needs a free place: checked by the caller, who knows the quota.
            SignupStatus.Waitlisted => [SignupAction.Approve, SignupAction.Decline, SignupAction.Cancel, SignupAction.MoveUp],
            SignupStatus.Approved =>
            [
                SignupAction.Decline,
                SignupAction.Cancel,
                SignupAction.CheckIn,
                SignupAction.CheckOut,
                SignupAction.Credit,
            ],
            // Whoever cancelled may sign up again; a declined volunteer may not.
            SignupStatus.Cancelled => [SignupAction.SignUpAgain],
            _ => [],
        };

    public static bool IsAllowed(SignupStatus status, SignupAction action) => Allowed(status).Contains(action);

    /// <summary>"报名当前为“已通过”，不能通过。当前可以：不予通过、取消报名、签到、签退、记入时长。"</summary>
    public static string RefusalMessage(SignupStatus status, SignupAction action)
    {
        var allowed = Allowed(status);
        var options = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(a => a.Label()));
        return $"报名当前为“{status.Label()}”，不能{action.Label()}。当前可以：{options}。";
    }
}
