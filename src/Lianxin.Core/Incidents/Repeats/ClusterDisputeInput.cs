namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Opening a dispute from a cluster; title and category may be left to the defaults.</summary>
public sealed record ClusterDisputeInput(string? Title, string? CategoryCode);
