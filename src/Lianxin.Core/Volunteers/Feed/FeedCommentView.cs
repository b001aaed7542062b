namespace Lianxin.Core.Volunteers.Feed;

public sealed record FeedCommentView(
    Guid Id,
    string AuthorName,
    string Body,
    DateTimeOffset CreatedAt,
    bool IsMine,
    bool Hidden,
    string? HiddenReason
);
