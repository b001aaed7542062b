using Lianxin.Core.Disputes;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>A dispute some of a group's incidents are in (or that was opened from the group), and how many of them.</summary>
public sealed record ClusterDisputeView(Guid Id, string Number, string Title, DisputeStatus Status, int Incidents)
{
    public string StatusLabel => Status.Label();
}
