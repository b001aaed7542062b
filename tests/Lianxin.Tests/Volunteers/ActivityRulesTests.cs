using Lianxin.Core.Volunteers.Activities;

namespace Lianxin.Tests.Volunteers;

public sealed class ActivityRulesTests
{
    private static readonly DateTimeOffset Nine = new(2026, 5, 1, 1, 0, 0, TimeSpan.Zero); // 09:00 China time

    private static Activity Patrol(int quota = 3) =>
        new()
        {
            Kind = ActivityKind.Patrol,
            StartsAt = Nine,
            EndsAt = Nine.AddHours(2),
            Quota = quota,
        };

    /// <summary>A sign-up brought to a state through its own steps.</summary>
    private static ActivitySignup S(SignupStatus status, int? position = null, int minute = 0)
    {
        var at = Nine.AddDays(-1).AddMinutes(minute);
        var s = ActivitySignup.SignUp(
            Guid.Empty,
            Guid.Empty,
            status == SignupStatus.Waitlisted ? SignupStatus.Waitlisted : SignupStatus.Pending,
            position,
            at
        );
        if (status == SignupStatus.Approved)
            s.Approve(null, at);
        if (status == SignupStatus.Cancelled)
            s.Cancel("本人取消");
        if (status == SignupStatus.Declined)
            s.Decline("名额已满", null, at);
        return s;
    }

    [Theory]
    [InlineData(0, 1, SignupStatus.Pending)]
    [InlineData(2, 3, SignupStatus.Pending)]
    [InlineData(3, 3, SignupStatus.Waitlisted)]
    [InlineData(5, 3, SignupStatus.Waitlisted)]
    public void A_signup_waits_once_pending_and_approved_fill_the_quota(int holding, int quota, SignupStatus expected) =>
        Assert.Equal(expected, ActivityRules.Place(holding, quota));

    [Fact]
    public void Overlap_means_each_starts_before_the_other_ends_and_back_to_back_is_fine()
    {
        Assert.True(ActivityRules.Overlaps(Nine, Nine.AddHours(2), Nine.AddHours(1), Nine.AddHours(3)));
        Assert.True(ActivityRules.Overlaps(Nine, Nine.AddHours(3), Nine.AddHours(1), Nine.AddHours(2)));
        Assert.False(ActivityRules.Overlaps(Nine, Nine.AddHours(2), Nine.AddHours(2), Nine.AddHours(3)));
        Assert.False(ActivityRules.Overlaps(Nine.AddHours(3), Nine.AddHours(4), Nine, Nine.AddHours(2)));
    }

    [Fact]
    public void Freed_places_go_to_the_wait_list_in_order_of_position()
    {
        var first = S(SignupStatus.Waitlisted, 2, 1);
        var second = S(SignupStatus.Waitlisted, 3, 0);
        var third = S(SignupStatus.Waitlisted, 5, 0);
        var list = new[] { S(SignupStatus.Approved), S(SignupStatus.Cancelled), third, second, first, S(SignupStatus.Declined) };
        Assert.Equal([first, second], ActivityRules.Promote(list, 3));
        Assert.Empty(ActivityRules.Promote(list, 1));
        Assert.Empty(ActivityRules.Promote([S(SignupStatus.Approved), S(SignupStatus.Pending), S(SignupStatus.Waitlisted, 1)], 2));
    }

    [Fact]
    public void Minutes_count_only_inside_the_activity_and_whole_minutes()
    {
        var a = Patrol();
        Assert.Equal(120, ActivityRules.Minutes(a, Nine.AddMinutes(-25), Nine.AddHours(2).AddMinutes(20)));
        Assert.Equal(90, ActivityRules.Minutes(a, Nine.AddMinutes(30), Nine.AddHours(2).AddMinutes(10)));
        Assert.Equal(44, ActivityRules.Minutes(a, Nine.AddMinutes(10), Nine.AddMinutes(54).AddSeconds(59)));
        Assert.Equal(60, ActivityRules.Minutes(a, Nine.AddHours(1), null)); // no check-out: until the end
        Assert.Equal(0, ActivityRules.Minutes(a, null, Nine.AddHours(1)));
        Assert.Equal(0, ActivityRules.Minutes(a, Nine.AddHours(3), Nine.AddHours(4)));
    }

    [Fact]
    public void Points_follow_the_hourly_rate_of_the_kind_and_a_bonus_for_taking_part()
    {
        var rules = new PointsOptions
        {
            PerHour = 10,
            PerHourByKind = { [ActivityKind.SchoolGuard] = 15 },
            BonusByKind = { [ActivityKind.Search] = 20 },
        };
        Assert.Equal(20, ActivityRules.Points(ActivityKind.Patrol, 120, rules));
        Assert.Equal(15, ActivityRules.Points(ActivityKind.Patrol, 90, rules));
        Assert.Equal(8, ActivityRules.Points(ActivityKind.Patrol, 45, rules)); // 7.5 rounds up
        Assert.Equal(15, ActivityRules.Points(ActivityKind.SchoolGuard, 60, rules));
        Assert.Equal(50, ActivityRules.Points(ActivityKind.Search, 180, rules));
        Assert.Equal(0, ActivityRules.Points(ActivityKind.Search, 0, rules)); // no time, no bonus
        Assert.Equal(20, ActivityRules.Points(ActivityKind.Search, 1, new PointsOptions { PerHour = 0 }));
    }

    [Fact]
    public void Check_windows_open_half_an_hour_around_the_activity()
    {
        var a = Patrol();
        var w = TimeSpan.FromMinutes(30);
        Assert.True(ActivityRules.CheckInOpen(a, Nine.AddMinutes(-30), w));
        Assert.False(ActivityRules.CheckInOpen(a, Nine.AddMinutes(-31), w));
        Assert.True(ActivityRules.CheckInOpen(a, Nine.AddHours(2), w));
        Assert.False(ActivityRules.CheckInOpen(a, Nine.AddHours(2).AddMinutes(1), w));
        Assert.True(ActivityRules.CheckOutOpen(a, Nine.AddHours(2).AddMinutes(30), w));
        Assert.False(ActivityRules.CheckOutOpen(a, Nine.AddHours(2).AddMinutes(31), w));
        Assert.False(ActivityRules.CheckOutOpen(a, Nine.AddMinutes(-1), w));
    }

    [Fact]
    public void Distance_is_in_metres_on_the_earth()
    {
        Assert.Equal(0, ActivityRules.DistanceMeters(36.6, 116.9, 36.6, 116.9), 3);
        var d = ActivityRules.DistanceMeters(36.6, 116.9, 36.601, 116.9); // a thousandth of a degree of latitude
        Assert.InRange(d, 110, 112);
    }
}
