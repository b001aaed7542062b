namespace Lianxin.Core.Disputes;

/// <summary>One step on a dispute. Which fields matter depends on the action: level (start, escalate),
/// jurisdiction (triage), receiver (refer), routesExplained (fail), dueAt (schedule follow-up),
/// followUpId + result (record follow-up); reason where the step needs one.</summary>
public sealed record DisputeActionInput(
    DisputeAction? Action,
    long? Version,
    string? Reason = null,
    MediationLevel? Level = null,
    DisputeJurisdiction? Jurisdiction = null,
    string? Receiver = null,
    OtherRoutes? RoutesExplained = null,
    DateTimeOffset? DueAt = null,
    Guid? FollowUpId = null,
    FollowUpResult? Result = null,
    string? AssigneeId = null
);
