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

    /// <summary>The 110 incidents linked to the dispute that the viewer may open, oldest first.</summary>
    public IReadOnlyList<DisputeIncidentView> Incidents { get; init; } = [];

    /// <summary>Linked incidents outside the viewer's scope: counted, not listed.</summary>
    public int OtherIncidents { get; init; }

    /// <summary>Disputes about the same incidents (the earlier one and later ones) that the viewer may open.</summary>
    public IReadOnlyList<RelatedDisputeView> Related { get; init; } = [];
}
