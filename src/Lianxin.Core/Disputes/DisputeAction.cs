namespace Lianxin.Core.Disputes;

/// <summary>The things a person can do to a dispute; which of them a state allows is in
/// <see cref="DisputeTransitions"/>.</summary>
public enum DisputeAction
{
    Triage = 1,
    StartMediation,
    Escalate,
    RecordFailedAttempt,
    Resolve,
    Refer,
    Fail,
    Withdraw,
    EditParties,
    ScheduleFollowUp,
    RecordFollowUp,
    Close,
    Reopen,
    AcknowledgeReferral,
    RecordReferralResult,
}
