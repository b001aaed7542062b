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
}
