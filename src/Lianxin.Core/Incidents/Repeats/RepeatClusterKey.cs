namespace Lianxin.Core.Incidents.Repeats;

/// <summary>One key that joined a repeated-incident group (同一地址, 同一报警电话 or 同一当事人): the key for matching
/// (never shown), what people see of it, and the incident that brought it into the group.</summary>
public sealed class RepeatClusterKey
{
    public Guid ClusterId { get; init; }
    public RepeatClusterKind Kind { get; init; }

    /// <summary>Address key, phone blind index or party person key; for matching, never shown.</summary>
    public string Key { get; init; } = "";

    /// <summary>The address as first written, the masked phone or the masked party.</summary>
    public string Label { get; init; } = "";

    /// <summary>The incident whose arrival brought this key into the group.</summary>
    public Guid IncidentId { get; init; }
}
