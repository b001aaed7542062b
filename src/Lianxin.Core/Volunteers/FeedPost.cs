using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Volunteers;

/// <summary>A post in the volunteer feed (义警圈): an activity report, a resident's opinion (社情民意)
/// or a notice. Opinions are routed to an officer, answered and closed.</summary>
public sealed class FeedPost : Entity, IScoped
{
    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public FeedPostKind Kind { get; set; }

    /// <summary>Name shown with the post (a volunteer's or the station's); never a phone or ID number.</summary>
    public string AuthorName { get; set; } = "";
    public string? Title { get; set; }
    public string Body { get; set; } = "";

    /// <summary>For an activity report: the activity it reports on.</summary>
    public Guid? ActivityId { get; set; }

    public bool Hidden { get; set; }
    public string? HiddenReason { get; set; }
    public string? HiddenById { get; set; }

    // An opinion's handling.
    public string? AssignedToUserId { get; set; }
    public string? Answer { get; set; }
    public DateTimeOffset? AnsweredAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }

    /// <summary>When the hiding happened, for the moderation record.</summary>
    public DateTimeOffset? HiddenAt { get; set; }
}

public enum FeedPostKind
{
    ActivityReport = 1, // 活动报道
    Opinion = 2,        // 社情民意
    Notice = 3,         // 通知公告
    VolunteerPost = 4,  // 义警动态（在册义警发布）
}
