namespace Lianxin.Core.Incidents.Repeats;

/// <summary>A key that joined a group, as shown: its kind, what is shown of it (never the key itself) and the incident
/// that brought it.</summary>
public sealed record ClusterKeyView(RepeatClusterKind Kind, string Label, Guid IncidentId, string? IncidentNumber)
{
    public string KindLabel => Kind.Label();
}
