namespace Lianxin.Core.Incidents.Repeats;

public sealed class RepeatClusterMember
{
    public Guid ClusterId { get; init; }
    public Guid IncidentId { get; init; }

    /// <summary>The key by which the incident joined the group (one of the group's <see cref="RepeatCluster.Keys"/>);
    /// null only for a member stored before groups kept their keys, until the start-up upkeep fills it.</summary>
    public RepeatClusterKind? JoinedKind { get; init; }
    public string? JoinedKey { get; init; }
}
