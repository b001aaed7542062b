namespace Lianxin.Core.Incidents.Repeats;

public sealed class RepeatClusterMember
{
    public Guid ClusterId { get; init; }
    public Guid IncidentId { get; init; }
}
