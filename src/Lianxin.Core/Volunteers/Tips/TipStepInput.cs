namespace Lianxin.Core.Volunteers.Tips;

/// <summary>A step on a tip. Check: optional note. Dismiss: reason. Act: outcome, and for Incident/Case/Dispute the
/// record to create (fields left out are filled from the tip). Close: the feedback told to the tipster.</summary>
public sealed record TipStepInput(
    long? Version,
    string? Note = null,
    string? Reason = null,
    TipOutcome? Outcome = null,
    string? OutcomeText = null,
    string? Feedback = null,
    TipIncidentInput? Incident = null,
    TipCaseInput? Case = null,
    TipDisputeInput? Dispute = null
);
