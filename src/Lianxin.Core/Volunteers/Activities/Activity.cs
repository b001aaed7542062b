using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Volunteers.Activities;

/// <summary>A volunteer activity (义警活动) published by a unit: a patrol, a school guard post, a search.
/// Volunteers of that unit and the units below it see it (only the target squads' members when squads are
/// named), sign up, are approved, check in and out; finishing it credits their hours and points.</summary>
public sealed class Activity : Entity, IScoped
{
    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public ActivityKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Where to gather, as people say it ("东峪村委会门口").</summary>
    public string Place { get; set; } = "";

    /// <summary>The gathering point; when set, volunteers may check themselves in near it.</summary>
    public double? Lat { get; set; }
    public double? Lng { get; set; }

    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }

    /// <summary>How many volunteers are taken; further sign-ups go to the wait list.</summary>
    public int Quota { get; set; }

    /// <summary>Dictionary codes of the skills wanted (category <see cref="VolunteerDictionaries.Skill"/>).</summary>
    public List<string> SkillCodes { get; set; } = [];

    /// <summary>Squads the activity is meant for; none means every active volunteer in the unit's reach.</summary>
    public List<ActivitySquad> TargetSquads { get; set; } = [];

    /// <summary>True when no squad is named (kept with <see cref="TargetSquads"/> so the volunteer list filters on a column).</summary>
    public bool OpenToAll { get; set; } = true;

    public ActivityStatus Status { get; set; } = ActivityStatus.Draft;
    public DateTimeOffset? PublishedAt { get; set; }
    public string? CancelReason { get; set; }
    public DateTimeOffset? CancelledAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The account organising it (who published it unless handed on); told of sign-ups and reminded to finish.</summary>
    public string OrganizerId { get; set; } = "";
    public string OrganizerName { get; set; } = "";

    /// <summary>When the organiser was reminded that the activity ended but is not finished.</summary>
    public DateTimeOffset? UnfinishedRemindedAt { get; set; }

    /// <summary>The feed post that reports on it, once written.</summary>
    public Guid? ReportPostId { get; set; }

    public List<ActivitySignup> Signups { get; set; } = [];

    public bool HasLocation => Lat is not null && Lng is not null;
}

public enum ActivityKind
{
    Patrol = 1,        // 巡逻
    Publicity = 2,     // 宣传
    SchoolGuard = 3,   // 护学岗
    EventSecurity = 4, // 活动安保
    Training = 5,      // 培训
    Search = 6,        // 搜寻
    Other = 9,         // 其他
}

public enum ActivityStatus
{
    Draft = 1,     // 草稿
    Published = 2, // 已发布
    Cancelled = 3, // 已取消
    Finished = 4,  // 已结束
}

/// <summary>A squad an activity is meant for.</summary>
public sealed class ActivitySquad
{
    public Guid ActivityId { get; set; }
    public Guid SquadId { get; set; }
}

/// <summary>One volunteer's place on an activity, from sign-up to the minutes credited.</summary>
public sealed class ActivitySignup : Entity
{
    public Guid ActivityId { get; set; }
    public Activity? Activity { get; set; }
    public Guid VolunteerId { get; set; }
    public Volunteer? Volunteer { get; set; }
    public SignupStatus Status { get; set; }

    /// <summary>Place on the wait list (1 = next); null when not waiting.</summary>
    public int? WaitPosition { get; set; }
    public DateTimeOffset SignedUpAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? Reason { get; set; }

    public DateTimeOffset? CheckedInAt { get; set; }
    public CheckMethod? CheckInMethod { get; set; }
    public double? CheckInLat { get; set; }
    public double? CheckInLng { get; set; }
    public DateTimeOffset? CheckedOutAt { get; set; }
    public CheckMethod? CheckOutMethod { get; set; }
    public double? CheckOutLat { get; set; }
    public double? CheckOutLng { get; set; }

    /// <summary>Minutes credited when the activity finished; null before.</summary>
    public int? MinutesCredited { get; set; }
    public int? PointsCredited { get; set; }

    /// <summary>When the volunteer was reminded that the activity is about to start.</summary>
    public DateTimeOffset? RemindedAt { get; set; }

    /// <summary>Counts against the quota: pending or approved.</summary>
    public bool Holds => Status is SignupStatus.Pending or SignupStatus.Approved;
}

public enum SignupStatus
{
    Pending = 1,    // 待审核
    Approved = 2,   // 已通过
    Waitlisted = 3, // 候补
    Cancelled = 4,  // 已取消
    Declined = 5,   // 未通过
}

public enum CheckMethod
{
    Organizer = 1, // 组织者确认
    Self = 2,      // 本人定位
}

public static class ActivityLabels
{
    public static string Label(this ActivityKind k) => k switch
    {
        ActivityKind.Patrol => "巡逻",
        ActivityKind.Publicity => "宣传",
        ActivityKind.SchoolGuard => "护学岗",
        ActivityKind.EventSecurity => "活动安保",
        ActivityKind.Training => "培训",
        ActivityKind.Search => "搜寻",
        _ => "其他",
    };

    public static string Label(this ActivityStatus s) => s switch
    {
        ActivityStatus.Draft => "草稿",
        ActivityStatus.Published => "已发布",
        ActivityStatus.Cancelled => "已取消",
        ActivityStatus.Finished => "已结束",
        _ => s.ToString(),
    };

    public static string Label(this SignupStatus s) => s switch
    {
        SignupStatus.Pending => "待审核",
        SignupStatus.Approved => "已通过",
        SignupStatus.Waitlisted => "候补",
        SignupStatus.Cancelled => "已取消",
        SignupStatus.Declined => "未通过",
        _ => s.ToString(),
    };

    public static string Label(this CheckMethod m) => m == CheckMethod.Self ? "本人定位" : "组织者确认";
}
