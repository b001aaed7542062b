using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers.Activities;

/// <summary>One volunteer's place on an activity, from sign-up to the minutes credited.</summary>
public sealed class ActivitySignup : Entity
{
    private ActivitySignup() { }

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

    /// <summary>A first sign-up, placed by <see cref="ActivityRules.Place"/>: pending, or waiting at
    /// <paramref name="waitPosition"/>.</summary>
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
        if (!SignupTransitions.IsAllowed(Status, action))
            throw new ConflictException(SignupTransitions.RefusalMessage(Status, action));
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
        if (CheckedInAt is not null)
            throw new ConflictException("已签到的义警不能改为未通过");
        if (string.IsNullOrWhiteSpace(reason))
            throw new ValidationFailedException("reason", "请填写未通过的原因，义警会收到");
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
        if (CheckedInAt is not null)
            throw new ConflictException("已签到");
        (CheckedInAt, CheckInMethod, CheckInLat, CheckInLng) = (at, method, lat, lng);
    }

    public void CheckOut(DateTimeOffset at, CheckMethod method, double? lat = null, double? lng = null)
    {
        Require(SignupAction.CheckOut);
        if (CheckedInAt is null)
            throw new ConflictException("还没有签到");
        if (CheckedOutAt is not null)
            throw new ConflictException("已签退");
        if (at < CheckedInAt)
            throw new ValidationFailedException("at", "签退时间不能早于签到时间");
        (CheckedOutAt, CheckOutMethod, CheckOutLat, CheckOutLng) = (at, method, lat, lng);
    }

    /// <summary>The organiser records the real times afterwards (the times taken were off); without
    /// <paramref name="checkedOut"/> the volunteer has not left yet.</summary>
    public void CorrectTimes(DateTimeOffset checkedIn, DateTimeOffset? checkedOut = null)
    {
        Require(SignupAction.CheckOut);
        if (checkedOut < checkedIn)
            throw new ValidationFailedException("at", "签退时间不能早于签到时间");
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
