namespace Lianxin.Core.Volunteers.Feed;

public sealed record FeedPostView(
    Guid Id,
    FeedPostKind Kind,
    Guid OrgUnitId,
    string? OrgUnitName,
    string AuthorName,
    string? Title,
    string Body,
    DateTimeOffset CreatedAt,
    Guid? ActivityId,
    IReadOnlyList<Guid> PhotoIds,
    int Likes,
    bool LikedByMe,
    int Comments,
    bool IsMine,
    bool Hidden,
    string? HiddenReason,
    string? AssignedToId,
    string? AssignedToName,
    string? Answer,
    DateTimeOffset? AnsweredAt,
    DateTimeOffset? ClosedAt,
    long Version
)
{
    public string KindLabel => FeedLabels.Label(Kind);

    /// <summary>For an opinion: where it stands, as the resident reads it.</summary>
    public string? OpinionState =>
        Kind != FeedPostKind.Opinion ? null
        : ClosedAt is not null ? "已办结"
        : Answer is not null ? "已答复"
        : AssignedToId is not null ? "已分派民警办理"
        : "待处理";
}
