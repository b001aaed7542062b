namespace Lianxin.Core.Incidents.Cases;

/// <summary>The case's state machine in one table: what each state allows. <see cref="PublicSecurityCase"/> checks
/// every action here first, and the refusal names what is allowed instead, so the table and the messages agree.</summary>
public static class CaseTransitions
{
    public static IReadOnlyList<CaseAction> Allowed(CaseStatus status) =>
        status switch
        {
            CaseStatus.Open => [CaseAction.Conclude, CaseAction.Warn, CaseAction.NotifyOverdue],
            // A concluded case is over: no second conclusion, and no reminders about a deadline that no longer runs.
            _ => [],
        };

    public static bool IsAllowed(CaseStatus status, CaseAction action) => Allowed(status).Contains(action);

    /// <summary>"案件当前为“已办结”，不能办结。当前可以：无。" — what a refused person reads.</summary>
    public static string RefusalMessage(CaseStatus status, CaseAction action)
    {
        var allowed = Allowed(status);
        var options = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(a => a.Label()));
        return $"案件当前为“{status.Label()}”，不能{action.Label()}。当前可以：{options}。";
    }
}
