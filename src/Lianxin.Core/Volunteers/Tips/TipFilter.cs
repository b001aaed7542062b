namespace Lianxin.Core.Volunteers.Tips;

public sealed record TipFilter(
    string? Q = null,
    TipStatus? Status = null,
    string? Category = null,
    Guid? OrgUnitId = null,
    TipOutcome? Outcome = null,
    TipSenderKind? SenderKind = null,
    DateOnly? From = null,
    DateOnly? To = null
);
