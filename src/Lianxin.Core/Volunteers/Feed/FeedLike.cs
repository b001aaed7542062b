namespace Lianxin.Core.Volunteers.Feed;

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
