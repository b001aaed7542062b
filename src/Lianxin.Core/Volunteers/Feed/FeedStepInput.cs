namespace Lianxin.Core.Volunteers.Feed;

/// <summary>A moderation or opinion step: hide (reason), assign (assigneeId), answer (answer), close (answer optional).</summary>
public sealed record FeedStepInput(long? Version, string? Reason = null, string? AssigneeId = null, string? Answer = null);
