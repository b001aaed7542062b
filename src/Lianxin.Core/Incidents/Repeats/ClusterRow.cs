namespace Lianxin.Core.Incidents.Repeats;

public sealed record ClusterRow(
    Guid Id,
    RepeatClusterKind Kind,
    string Label,
    Guid OrgUnitId,
    string? OrgUnitName,
    DateTimeOffset FirstAt,
    DateTimeOffset LastAt,
    int IncidentCount,
    string? CategoryCode,
    bool OnFocusList,
    FocusStatus? FocusStatus,
    string? FocusOwnerId,
    Guid? DisputeId,
    long Version,
    IReadOnlyList<RepeatClusterKind>? Kinds = null
)
{
    /// <summary>The kinds of key that joined the group (同一地址、同一报警电话), or the opening key's kind.</summary>
    public string KindLabel => Kinds is { Count: > 0 } kinds ? string.Join("、", kinds.Order().Select(k => k.Label())) : Kind.Label();
    public string? StatusLabel => FocusStatus?.Label();
}
