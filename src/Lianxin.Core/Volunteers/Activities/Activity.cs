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
        if (!ActivityTransitions.IsAllowed(Status, action))
            throw new ConflictException(ActivityTransitions.RefusalMessage(Status, action));
    }

    /// <summary>A draft, or a published activity that has not started yet, may be changed.</summary>
    public void RequireEditable(DateTimeOffset now)
    {
        Require(ActivityAction.Edit);
        if (Status == ActivityStatus.Published && now >= StartsAt)
            throw new ConflictException("活动已开始，不能再修改");
    }

    /// <summary>Volunteers see it and may sign up; one already over cannot be published.</summary>
    public void Publish(DateTimeOffset at)
    {
        Require(ActivityAction.Publish);
        if (EndsAt <= at)
            throw new ConflictException("活动已过结束时间，不能发布");
        Status = ActivityStatus.Published;
        PublishedAt = at;
    }

    /// <summary>Called off with the reason everyone signed up is told; the caller cancels their sign-ups.</summary>
    public void Cancel(string reason, DateTimeOffset at)
    {
        Require(ActivityAction.Cancel);
        if (string.IsNullOrWhiteSpace(reason))
            throw new ValidationFailedException("reason", "请填写取消原因，报名的义警会收到");
        Status = ActivityStatus.Cancelled;
        CancelReason = reason.Trim();
        CancelledAt = at;
    }

    /// <summary>Ended, once it has started (one that will not take place is cancelled instead); the caller credits the hours.</summary>
    public void Finish(DateTimeOffset at)
    {
        Require(ActivityAction.Finish);
        if (at < StartsAt)
            throw new ConflictException("活动还没开始，不能结束；不再举行请取消");
        Status = ActivityStatus.Finished;
        FinishedAt = at;
    }
}
