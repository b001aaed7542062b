namespace Lianxin.Core.Volunteers.Feed;

public sealed record FeedPostInput(FeedPostKind? Kind, Guid? OrgUnitId, string? Title, string? Body);
