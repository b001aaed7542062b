namespace Lianxin.Core.Disputes;

/// <summary>What a person fills in to register a dispute; <see cref="Dispute.Register"/> checks it.</summary>
public sealed record DisputeRegistration
{
    public required string Number { get; init; }
    public required string Title { get; init; }
    public required string CategoryCode { get; init; }
    public required string Description { get; init; }
    public required DisputeSource Source { get; init; }
    public required Guid OrgUnitId { get; init; }
    public string? Address { get; init; }
    public IReadOnlyList<DisputeParty> Parties { get; init; } = [];
}
