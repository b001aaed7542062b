namespace Lianxin.Core.Disputes;

public sealed record DisputeDetail(
    DisputeRow Summary,
    string Description,
    string? Address,
    DisputeJurisdiction? Jurisdiction,
    string? ReferredTo,
    OtherRoutes RoutesExplained,
    int ReopenCount,
    DateTimeOffset? DueAt,
    bool Overdue,
    bool NearingLimit,
    IReadOnlyList<PartyView> Parties,
    IReadOnlyList<EventView> Events,
    IReadOnlyList<FollowUpView> FollowUps,
    IReadOnlyList<DisputeAction> AllowedActions,
    IReadOnlyList<RiskFactorView> RiskFactors
);
