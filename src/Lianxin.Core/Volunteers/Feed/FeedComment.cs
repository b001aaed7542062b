namespace Lianxin.Core.Volunteers.Feed;

/// <summary>A comment on a feed post. Hidden by moderation, it vanishes for everyone but moderators and its author.</summary>
public sealed class FeedComment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PostId { get; set; }
    public string AuthorUserId { get; set; } = "";

    /// <summary>The name shown: the volunteer's or account's display name; never a phone or ID number.</summary>
    public string AuthorName { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public bool Hidden { get; set; }
    public string? HiddenReason { get; set; }
    public string? HiddenById { get; set; }
    public DateTimeOffset? HiddenAt { get; set; }
}

/// <summary>One like: at most one per account and post (a unique index keeps it so under races too).</summary>
// A like says nothing worth a log line; comments and their hiding are audited.
[Audit.NotAudited]
public sealed class FeedLike
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid PostId { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
}
