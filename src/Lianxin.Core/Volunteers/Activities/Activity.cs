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

    public ActivityStatus Status { get; private set; } = ActivityStatus.Draft;
    public DateTimeOffset? PublishedAt { get; private set; }
    public string? CancelReason { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>The account organising it (who published it unless handed on); told of sign-ups and reminded to finish.</summary>
    public string OrganizerId { get; set; } = "";
    public string OrganizerName { get; set; } = "";

    /// <summary>When the organiser was reminded that the activity ended but is not finished.</summary>
    public DateTimeOffset? UnfinishedRemindedAt { get; set; }

    /// <summary>The feed post that reports on it, once written.</summary>
    public Guid? ReportPostId { get; set; }

    public List<ActivitySignup> Signups { get; set; } = [];

    public bool HasLocation => Lat is not null && Lng is not null;

    public IReadOnlyList<ActivityAction> AllowedActions => ActivityTransitions.Allowed(Status);

    /// <summary>Refuses (409) an action the current state does not allow.</summary>
    public void Require(ActivityAction action)
    {
        if (!ActivityTransitions.IsAllowed(Status, action)) throw new ConflictException(ActivityTransitions.RefusalMessage(Status, action));
    }

    /// <summary>A draft, or a published activity that has not started yet, may be changed.</summary>
    public void RequireEditable(DateTimeOffset now)
    {
        Require(ActivityAction.Edit);
        if (Status == ActivityStatus.Published && now >= StartsAt) throw new ConflictException("活动已开始，不能再修改");
    }

    /// <summary>Volunteers see it and may sign up; one already over cannot be published.</summary>
    public void Publish(DateTimeOffset at)
    {
        Require(ActivityAction.Publish);
        if (EndsAt <= at) throw new ConflictException("活动已过结束时间，不能发布");
        Status = ActivityStatus.Published;
        PublishedAt = at;
    }

    /// <summary>Called off with the reason everyone signed up is told; the caller cancels their sign-ups.</summary>
    public void Cancel(string reason, DateTimeOffset at)
    {
        Require(ActivityAction.Cancel);
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationFailedException("reason", "请填写取消原因，报名的义警会收到");
        Status = ActivityStatus.Cancelled;
        CancelReason = reason.Trim();
        CancelledAt = at;
    }

    /// <summary>Ended, once it has started (one that will not take place is cancelled instead); the caller credits the hours.</summary>
    public void Finish(DateTimeOffset at)
    {
        Require(ActivityAction.Finish);
        if (at < StartsAt) throw new ConflictException("活动还没开始，不能结束；不再举行请取消");
        Status = ActivityStatus.Finished;
        FinishedAt = at;
    }
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
    private ActivitySignup()
    {
    }

    public Guid ActivityId { get; private set; }
    public Activity? Activity { get; private set; }
    public Guid VolunteerId { get; private set; }
    public Volunteer? Volunteer { get; private set; }
    public SignupStatus Status { get; private set; }

    /// <summary>Place on the wait list (1 = next); null when not waiting.</summary>
    public int? WaitPosition { get; private set; }
    public DateTimeOffset SignedUpAt { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }
    public string? DecidedById { get; private set; }
    public string? Reason { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }
    public CheckMethod? CheckInMethod { get; private set; }
    public double? CheckInLat { get; private set; }
    public double? CheckInLng { get; private set; }
    public DateTimeOffset? CheckedOutAt { get; private set; }
    public CheckMethod? CheckOutMethod { get; private set; }
    public double? CheckOutLat { get; private set; }
    public double? CheckOutLng { get; private set; }

    /// <summary>Minutes credited when the activity finished; null before.</summary>
    public int? MinutesCredited { get; private set; }
    public int? PointsCredited { get; private set; }

    /// <summary>When the volunteer was reminded that the activity is about to start.</summary>
    public DateTimeOffset? RemindedAt { get; private set; }

    /// <summary>Counts against the quota: pending or approved.</summary>
    public bool Holds => Status is SignupStatus.Pending or SignupStatus.Approved;

    public IReadOnlyList<SignupAction> AllowedActions => SignupTransitions.Allowed(Status);

    /// <summary>A first sign-up, placed by <see cref="ActivityRules.Place"/>: pending, or waiting at <paramref name="waitPosition"/>.</summary>
    public static ActivitySignup SignUp(Guid activityId, Guid volunteerId, SignupStatus placed, int? waitPosition, DateTimeOffset at)
    {
        var s = new ActivitySignup { ActivityId = activityId, VolunteerId = volunteerId };
        s.Place(placed, waitPosition, at);
        return s;
    }

    /// <summary>Signs up again after cancelling: the earlier decision and reason are gone.</summary>
    public void SignUpAgain(SignupStatus placed, int? waitPosition, DateTimeOffset at)
    {
        Require(SignupAction.SignUpAgain);
        Place(placed, waitPosition, at);
    }

    public void Require(SignupAction action)
    {
        if (!SignupTransitions.IsAllowed(Status, action)) throw new ConflictException(SignupTransitions.RefusalMessage(Status, action));
    }

    public void Approve(string? by, DateTimeOffset at)
    {
        Require(SignupAction.Approve);
        Status = SignupStatus.Approved;
        WaitPosition = null;
        (DecidedAt, DecidedById) = (at, by);
    }

    /// <summary>Not taken, with the reason the volunteer reads; someone already checked in was there and stays.</summary>
    public void Decline(string reason, string? by, DateTimeOffset at)
    {
        Require(SignupAction.Decline);
        if (CheckedInAt is not null) throw new ConflictException("已签到的义警不能改为未通过");
        if (string.IsNullOrWhiteSpace(reason)) throw new ValidationFailedException("reason", "请填写未通过的原因，义警会收到");
        Status = SignupStatus.Declined;
        WaitPosition = null;
        Reason = reason.Trim();
        (DecidedAt, DecidedById) = (at, by);
    }

    /// <summary>Withdrawn by the volunteer, or with the whole activity; the reason says which.</summary>
    public void Cancel(string reason)
    {
        Require(SignupAction.Cancel);
        Status = SignupStatus.Cancelled;
        WaitPosition = null;
        Reason = reason;
    }

    /// <summary>A place freed: off the wait list, waiting for approval.</summary>
    public void MoveUp()
    {
        Require(SignupAction.MoveUp);
        Status = SignupStatus.Pending;
        WaitPosition = null;
    }

    /// <summary>Arrived (the window and the distance are the caller's rules); <paramref name="lat"/>/<paramref name="lng"/>
    /// where the volunteer checked in themself.</summary>
    public void CheckIn(DateTimeOffset at, CheckMethod method, double? lat = null, double? lng = null)
    {
        Require(SignupAction.CheckIn);
        if (CheckedInAt is not null) throw new ConflictException("已签到");
        (CheckedInAt, CheckInMethod, CheckInLat, CheckInLng) = (at, method, lat, lng);
    }

    public void CheckOut(DateTimeOffset at, CheckMethod method, double? lat = null, double? lng = null)
    {
        Require(SignupAction.CheckOut);
        if (CheckedInAt is null) throw new ConflictException("还没有签到");
        if (CheckedOutAt is not null) throw new ConflictException("已签退");
        if (at < CheckedInAt) throw new ValidationFailedException("at", "签退时间不能早于签到时间");
        (CheckedOutAt, CheckOutMethod, CheckOutLat, CheckOutLng) = (at, method, lat, lng);
    }

    /// <summary>The organiser records the real times afterwards (the times taken were off); without
    /// <paramref name="checkedOut"/> the volunteer has not left yet.</summary>
    public void CorrectTimes(DateTimeOffset checkedIn, DateTimeOffset? checkedOut = null)
    {
        Require(SignupAction.CheckOut);
        if (checkedOut < checkedIn) throw new ValidationFailedException("at", "签退时间不能早于签到时间");
        (CheckedInAt, CheckedOutAt) = (checkedIn, checkedOut);
        CheckInMethod ??= CheckMethod.Organizer;
        CheckOutMethod = checkedOut is null ? null : CheckOutMethod ?? CheckMethod.Organizer;
    }

    /// <summary>The time and points the finished activity earned (credited again when it is finished again).</summary>
    public void Credit(int minutes, int points)
    {
        Require(SignupAction.Credit);
        (MinutesCredited, PointsCredited) = (minutes, points);
    }

    public void MarkReminded(DateTimeOffset at) => RemindedAt = at;

    private void Place(SignupStatus placed, int? waitPosition, DateTimeOffset at)
    {
        if (placed is not (SignupStatus.Pending or SignupStatus.Waitlisted))
            throw new ArgumentOutOfRangeException(nameof(placed), "A sign-up is placed pending or on the wait list.");
        Status = placed;
        WaitPosition = placed == SignupStatus.Waitlisted ? waitPosition : null;
        SignedUpAt = at;
        (Reason, DecidedAt, DecidedById) = (null, null, null);
    }
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
