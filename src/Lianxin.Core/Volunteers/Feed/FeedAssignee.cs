namespace Lianxin.Core.Volunteers.Feed;

public sealed record FeedAssignee(string Id, string DisplayName, string? UnitName);
