namespace Lianxin.Core.Incidents.Repeats;

/// <summary>An incident of a group, with the key it joined by (<see cref="JoinedBy"/>: kind and what is shown of the key).</summary>
public sealed record ClusterIncident(
    Guid Id,
    string Number,
    DateTimeOffset ReceivedAt,
    string CategoryCode,
    string? CategoryName,
    string? Address,
    string? CallerMasked,
    string Summary,
    Guid? DisputeId,
    RepeatClusterKind? JoinedKind = null,
    string? JoinedLabel = null
)
{
    public string? JoinedBy => JoinedKind is { } k ? $"{k.Label()}：{JoinedLabel}" : null;
}
