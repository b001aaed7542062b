namespace Lianxin.Core.Disputes;

/// <summary>The state machine in one table: what each state allows. <see cref="Dispute"/> checks every
/// action here first, and the refusal names what is allowed instead, so the table and the messages
/// cannot drift apart.</summary>
public static class DisputeTransitions
{
    private static readonly DisputeAction[] FromEnded =
    [
        DisputeAction.ScheduleFollowUp,
        DisputeAction.RecordFollowUp,
        DisputeAction.Close,
        DisputeAction.Reopen,
    ];

    public static IReadOnlyList<DisputeAction> Allowed(DisputeStatus status, MediationLevel? level) =>
        status switch
        {
            DisputeStatus.Registered => [DisputeAction.Triage, DisputeAction.Withdraw, DisputeAction.EditParties],
            DisputeStatus.Triaged => [DisputeAction.StartMediation, DisputeAction.Refer, DisputeAction.Withdraw, DisputeAction.EditParties],
            DisputeStatus.Mediating => level == MediationLevel.County
                ?
                [
                    DisputeAction.RecordFailedAttempt,
                    DisputeAction.Resolve,
                    DisputeAction.Refer,
                    DisputeAction.Fail,
                    DisputeAction.Withdraw,
                    DisputeAction.EditParties,
                ]
                :
                [
                    DisputeAction.Escalate,
                    DisputeAction.RecordFailedAttempt,
                    DisputeAction.Resolve,
                    DisputeAction.Refer,
                    DisputeAction.Fail,
                    DisputeAction.Withdraw,
                    DisputeAction.EditParties,
                ],
            // A referral stays open until the receiver's result is in: the result resolves it or hands it back,
            // so a referred dispute is never closed without an outcome.
            DisputeStatus.Referred =>
            [
                DisputeAction.AcknowledgeReferral,
                DisputeAction.RecordReferralResult,
                DisputeAction.ScheduleFollowUp,
                DisputeAction.RecordFollowUp,
                DisputeAction.Reopen,
            ],
            DisputeStatus.Resolved or DisputeStatus.Failed or DisputeStatus.Withdrawn => FromEnded,
            DisputeStatus.Closed => [DisputeAction.Reopen],
            _ => [],
        };

    public static bool IsAllowed(DisputeStatus status, MediationLevel? level, DisputeAction action) =>
        Allowed(status, level).Contains(action);

    /// <summary>"纠纷当前为“调解中 · 四级（…）”，不能升级调解。当前可以：…" — what a refused person reads.</summary>
    public static string RefusalMessage(DisputeStatus status, MediationLevel? level, DisputeAction action)
    {
        var allowed = Allowed(status, level);
        var options = allowed.Count == 0 ? "无" : string.Join("、", allowed.Select(a => a.Label()));
        return $"纠纷当前为“{Describe(status, level)}”，不能{action.Label()}。当前可以：{options}。";
    }

    public static string Describe(DisputeStatus status, MediationLevel? level) =>
        status == DisputeStatus.Mediating && level is { } l ? $"{status.Label()} · {l.Label()}" : status.Label();
}
