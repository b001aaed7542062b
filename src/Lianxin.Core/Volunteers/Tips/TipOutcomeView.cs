namespace Lianxin.Core.Volunteers.Tips;

/// <summary>What the tipster may see of their tip: their own words and the outcome, nothing of the handling.</summary>
public sealed record TipOutcomeView(
    Guid Id,
    string Number,
    string CategoryCode,
    string? CategoryName,
    string? Address,
    string Body,
    DateTimeOffset SentAt,
    string State,
    bool Finished,
    string? Outcome,
    string? Feedback,
    string? DismissReason,
    DateTimeOffset? ClosedAt,
    bool Anonymous
);
