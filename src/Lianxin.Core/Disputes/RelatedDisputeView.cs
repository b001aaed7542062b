namespace Lianxin.Core.Disputes;

/// <summary>A dispute about the same incidents as the one shown: the earlier one it was related to, or a later one
/// related to it (<see cref="Dispute.RelatedDisputeId"/>).</summary>
public sealed record RelatedDisputeView(Guid Id, string Number, string Title, DisputeStatus Status, bool Earlier)
{
    public string StatusLabel => Status.Label();
}
