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
    IReadOnlyList<RiskFactorView> RiskFactors,
    string? ReportOutcome = null
)
{
    /// <summary>The caller only follows their own report (<see cref="DisputeReporters"/>): the mediation records are
    /// not theirs to see, and <see cref="ReportOutcome"/> tells them where it stands.</summary>
    public bool ReportOnly => ReportOutcome is not null;
}
