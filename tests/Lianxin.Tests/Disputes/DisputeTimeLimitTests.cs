using Lianxin.Core.Disputes;
using static Lianxin.Tests.Disputes.DisputeTestData;

namespace Lianxin.Tests.Disputes;

public class DisputeTimeLimitTests
{
    private static Dispute TriagedAt(DateTimeOffset at)
    {
        var d = Dispute.Register(Form(), Officer, at.AddHours(-1));
        d.Triage(DisputeJurisdiction.PoliceSimple, Officer, at);
        return d;
    }

    [Fact]
    public void Before_triage_no_limit_runs()
    {
        var d = New();
        Assert.Null(d.MediationDueAt());
        Assert.False(d.IsOverdue(T0.AddYears(1)));
        Assert.False(d.IsNearingLimit(T0.AddYears(1)));
    }

    [Fact]
    public void Mediation_is_due_one_calendar_month_after_triage()
    {
        var d = TriagedAt(T0);
        Assert.Equal(new DateTimeOffset(2024, 4, 4, 9, 0, 0, China), d.MediationDueAt());
    }

    [Fact]
    public void The_limit_is_exactly_at_the_boundary_nearing_up_to_it_overdue_just_after()
    {
        var d = TriagedAt(T0);
        var due = new DateTimeOffset(2024, 4, 4, 9, 0, 0, China);

        Assert.False(d.IsNearingLimit(due.AddDays(-5).AddTicks(-1)));
        Assert.True(d.IsNearingLimit(due.AddDays(-5)));
        Assert.True(d.IsNearingLimit(due));
        Assert.False(d.IsOverdue(due));
        Assert.True(d.IsOverdue(due.AddTicks(1)));
        Assert.False(d.IsNearingLimit(due.AddTicks(1)));
    }

    [Fact]
    public void The_month_is_counted_on_the_China_calendar_even_when_the_time_is_given_in_UTC()
    {
        // 31 March 03:00 in China is still 30 March in UTC; the limit is 30 April in China, not 1 May.
        var triaged = new DateTimeOffset(2024, 3, 31, 3, 0, 0, China).ToUniversalTime();
        var d = TriagedAt(triaged);
        Assert.Equal(new DateTimeOffset(2024, 4, 30, 3, 0, 0, China), d.MediationDueAt());
    }

    [Fact]
    public void A_month_from_the_last_day_of_January_ends_on_the_last_day_of_February()
    {
        var d = TriagedAt(new DateTimeOffset(2024, 1, 31, 10, 0, 0, China));
        Assert.Equal(new DateTimeOffset(2024, 2, 29, 10, 0, 0, China), d.MediationDueAt());
    }

    [Fact]
    public void The_limit_keeps_running_while_mediating()
    {
        var d = TriagedAt(T0);
        d.StartMediation(MediationLevel.HouseholdHead, HouseholdHead, T0.AddDays(1));
        d.Escalate(MediationLevel.Village, Officer, T0.AddDays(10), "初调未成");
        Assert.True(d.IsOverdue(T0.AddDays(40)));
    }

    [Theory]
    [InlineData(Stage.Resolved)]
    [InlineData(Stage.Referred)]
    [InlineData(Stage.Failed)]
    [InlineData(Stage.Withdrawn)]
    [InlineData(Stage.Closed)]
    public void An_ended_dispute_is_never_overdue_or_nearing(Stage stage)
    {
        var d = At(stage);
        Assert.Null(d.MediationDueAt());
        Assert.False(d.IsOverdue(T0.AddMonths(3)));
        Assert.False(d.IsNearingLimit(T0.AddMonths(1)));
    }

    [Fact]
    public void The_limits_are_configurable()
    {
        var d = TriagedAt(T0);
        var limits = new DisputeTimeLimits { MediationMonths = 2, NearingDays = 10 };
        var due = new DateTimeOffset(2024, 5, 4, 9, 0, 0, China);

        Assert.Equal(due, d.MediationDueAt(limits));
        Assert.True(d.IsNearingLimit(due.AddDays(-10), limits));
        Assert.False(d.IsNearingLimit(due.AddDays(-10).AddTicks(-1), limits));
        Assert.False(d.IsOverdue(T0.AddMonths(1).AddDays(1), limits));
    }

    [Fact]
    public void A_recurrence_restarts_the_limit()
    {
        var d = At(Stage.Closed);
        var reopened = T0.AddDays(90);
        d.Reopen(Officer, reopened, "再次发生争吵");
        Assert.Equal(reopened.ToOffset(China).AddMonths(1), d.MediationDueAt());
        Assert.False(d.IsOverdue(reopened.AddDays(20)));
    }

    [Fact]
    public void Days_open_count_to_the_end_once_ended()
    {
        var d = At(Stage.Level1);
        Assert.Equal(0, d.DaysOpen(T0.AddHours(23)));
        Assert.Equal(12, d.DaysOpen(T0.AddDays(12).AddHours(1)));
        d.Resolve(Officer, T0.AddDays(3));
        Assert.Equal(3, d.DaysOpen(T0.AddDays(100)));
    }
}
