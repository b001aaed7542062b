namespace Lianxin.Core.Volunteers.Feed;

public sealed record FeedCommentInput(string? Body);
