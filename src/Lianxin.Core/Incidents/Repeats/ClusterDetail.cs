namespace Lianxin.Core.Incidents.Repeats;

public sealed record ClusterDetail(
    ClusterRow Summary,
    string? FocusOwnerName,
    IReadOnlyList<ClusterIncident> Incidents,
    IReadOnlyList<FocusNoteView> Notes,
    IReadOnlyList<ClusterKeyView> Keys,
    IReadOnlyList<ClusterDisputeView> Disputes
);
