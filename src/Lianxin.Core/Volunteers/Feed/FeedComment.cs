namespace Lianxin.Core.Volunteers.Feed;

/// <summary>A comment on a feed post. Hidden by moderation, it vanishes for everyone but moderators and its author.</summary>
public sealed class FeedComment
{
    private FeedComment() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid PostId { get; private set; }
    public string AuthorUserId { get; private set; } = "";

    /// <summary>The name shown: the volunteer's or account's display name; never a phone or ID number.</summary>
    public string AuthorName { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public bool Hidden { get; private set; }
    public string? HiddenReason { get; private set; }
    public string? HiddenById { get; private set; }
    public DateTimeOffset? HiddenAt { get; private set; }

    public static FeedComment Write(Guid postId, string authorUserId, string authorName, string body, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(body))
            throw new Common.ValidationFailedException("body", "请填写评论内容");
        return new FeedComment
        {
            PostId = postId,
            AuthorUserId = authorUserId,
            AuthorName = authorName,
            Body = body.Trim(),
            CreatedAt = at,
        };
    }

    /// <summary>Moderation, as for a post: hiding again replaces the reason; showing clears who, why and when.</summary>
    public void Hide(string reason, string? by, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new Common.ValidationFailedException("reason", "请填写隐藏理由");
        (Hidden, HiddenReason, HiddenById, HiddenAt) = (true, reason.Trim(), by, at);
    }

    public void Show() => (Hidden, HiddenReason, HiddenById, HiddenAt) = (false, null, null, null);
}
