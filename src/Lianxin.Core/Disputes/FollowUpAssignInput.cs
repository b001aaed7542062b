namespace Lianxin.Core.Disputes;

/// <summary>Hands a follow-up visit to another person (回访改派).</summary>
public sealed record FollowUpAssignInput(string? AssigneeId, long? Version);
