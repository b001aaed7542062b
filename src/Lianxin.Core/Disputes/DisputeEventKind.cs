namespace Lianxin.Core.Disputes;

public enum DisputeEventKind
{
    Registered = 1,
    Triaged,
    MediationStarted,
    Escalated,
    AttemptFailed,
    Resolved,
    Referred,
    Failed,
    Withdrawn,
    Closed,
    Reopened,
    FollowUpAssigned,

    // Steps of the mediation agreement: noted on the timeline, the state does not change.
    AgreementSigned,
    AgreementPerformed,
    AgreementPartlyPerformed,
    AgreementMissed,
    JudicialConfirmation,

    // Numbered apart from the steps above: the receiver's side of a referral (警调衔接).
    ReferralAcknowledged = 30,
    ReferralResultReported = 31,

    // The risk grade moved after registration (linked 110 calls, a step, a referral's answer); the state does not change.
    RiskRegraded = 40,
}
