namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Cluster list filters; From/To are China dates on the cluster's newest incident (inclusive).</summary>
public sealed record ClusterFilter(
    RepeatClusterKind? Kind = null,
    Guid? OrgUnitId = null,
    DateOnly? From = null,
    DateOnly? To = null,
    bool? Focus = null,
    FocusStatus? Status = null,
    string? Q = null,
    int? MinCount = null
);
