namespace Lianxin.Core.Incidents;

/// <summary>The incident's state machine in one table: what each stage allows. <see cref="Incident"/> checks every
/// action here first, and the refusal names what is allowed instead. An incident stays open to placement (a wrong
/// place is corrected by hand), to a new assessment and to the repeat check whatever its stage; one incident
/// gives at most one public-security case.</summary>
public static class IncidentTransitions
{
    private static readonly IncidentAction[] Always =
    [
        IncidentAction.Place,
        IncidentAction.Reassess,
        IncidentAction.EditParties,
        IncidentAction.FlagRepeat,
        IncidentAction.TakeDispute,
    ];

    public static IReadOnlyList<IncidentAction> Allowed(IncidentStage stage) =>
        stage switch
        {
            IncidentStage.Queued or IncidentStage.Placed => [.. Always, IncidentAction.RegisterCase],
            IncidentStage.CaseOpened => Always,
            _ => [],
        };

    public static bool IsAllowed(IncidentStage stage, IncidentAction action) => Allowed(stage).Contains(action);

    /// <summary>"警情当前为“已登记治安案件”，不能登记治安案件。当前可以：…" — what a refused person reads.</summary>
    public static string RefusalMessage(IncidentStage stage, IncidentAction action)
    {
        var allowed = Allowed(stage);
        var options = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(a => a.Label()));
        return $"警情当前为“{stage.Label()}”，不能{action.Label()}。当前可以：{options}。";
    }
}
