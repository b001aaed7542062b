namespace Lianxin.Core.Volunteers.Feed;

/// <summary>Feed filters. <see cref="OpinionQueue"/> lists opinions still open (staff); <see cref="Mine"/> the caller's
/// own posts.</summary>
public sealed record FeedFilter(
    FeedPostKind? Kind = null,
    Guid? OrgUnitId = null,
    bool? OpinionQueue = null,
    bool? HiddenOnly = null,
    bool? Mine = null,
    bool? AssignedToMe = null
);
