namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Opening a dispute from a group; title and category may be left to the defaults. When the group was turned
/// into a dispute already, or some of its incidents are in one, the request is refused (409) unless
/// <see cref="Confirmed"/>: the new dispute is then linked to the earlier one.</summary>
public sealed record ClusterDisputeInput(string? Title, string? CategoryCode, bool Confirmed = false);
