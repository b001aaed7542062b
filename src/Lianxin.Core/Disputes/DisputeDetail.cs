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
)
{
    /// <summary>The 110 incidents linked to the dispute that the viewer may open, oldest first.</summary>
    public IReadOnlyList<DisputeIncidentView> Incidents { get; init; } = [];

    /// <summary>Linked incidents outside the viewer's scope: counted, not listed.</summary>
    public int OtherIncidents { get; init; }

    /// <summary>Disputes about the same incidents (the earlier one and later ones) that the viewer may open.</summary>
    public IReadOnlyList<RelatedDisputeView> Related { get; init; } = [];
}
