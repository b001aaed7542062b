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
    long Version
)
{
    public string KindLabel => Kind.Label();
    public string? StatusLabel => FocusStatus?.Label();
}
