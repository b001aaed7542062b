namespace Lianxin.Core.Incidents;

/// <summary>What became of one item of an intake. <see cref="Id"/> is given for a duplicate only when the stored
/// incident lies in the caller's scope.</summary>
public sealed record IncidentIntakeResult(
    int Index,
    string? Number,
    Guid? Id,
    IntakeOutcome Outcome,
    IReadOnlyDictionary<string, string[]>? Errors = null
);
