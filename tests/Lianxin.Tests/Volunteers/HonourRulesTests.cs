using Lianxin.Core.Common;
using Lianxin.Core.Volunteers.Figures;
using Lianxin.Core.Volunteers.Honours;

namespace Lianxin.Tests.Volunteers;

public sealed class HonourRulesTests
{
    private static readonly Guid A = Guid.Parse("00000000-0000-0000-0000-00000000000a");
    private static readonly Guid B = Guid.Parse("00000000-0000-0000-0000-00000000000b");
    private static readonly Guid C = Guid.Parse("00000000-0000-0000-0000-00000000000c");
    private static readonly Guid D = Guid.Parse("00000000-0000-0000-0000-00000000000d");
    private static readonly Guid E = Guid.Parse("00000000-0000-0000-0000-00000000000e");

    [Fact]
    public void By_hours_the_points_break_a_tie_and_equals_share_a_rank_with_the_next_rank_skipped()
    {
        var ranked = HonourRanking.Rank(
            [
                new VolunteerTotal(A, 600, 10),
                new VolunteerTotal(B, 600, 30),
                new VolunteerTotal(C, 600, 10),
                new VolunteerTotal(D, 120, 99),
                new VolunteerTotal(E, 0, 0),
            ],
            RankingOrder.Hours
        );
        Assert.Equal([B, A, C, D], ranked.Select(r => r.Total.VolunteerId));
        Assert.Equal([1, 2, 2, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void By_points_the_hours_break_a_tie()
    {
        var ranked = HonourRanking.Rank(
            [new VolunteerTotal(A, 600, 10), new VolunteerTotal(B, 60, 30), new VolunteerTotal(C, 120, 30), new VolunteerTotal(D, 0, 5)],
            RankingOrder.Points
        );
        Assert.Equal([C, B, A, D], ranked.Select(r => r.Total.VolunteerId));
        Assert.Equal([1, 2, 3, 4], ranked.Select(r => r.Rank));
    }

    [Fact]
    public void Volunteers_with_nothing_or_less_than_nothing_are_not_ranked()
    {
        var ranked = HonourRanking.Rank(
            [new VolunteerTotal(A, 0, 0), new VolunteerTotal(B, -60, -5), new VolunteerTotal(C, 0, 1)],
            RankingOrder.Hours
        );
        Assert.Equal([C], ranked.Select(r => r.Total.VolunteerId));
    }

    [Fact]
    public void By_default_active_means_96_hours_in_the_twelve_months_before_the_period_end()
    {
        var rule = new ActiveVolunteerRule();
        Assert.Equal(96 * 60, rule.ThresholdMinutes);
        Assert.True(rule.IsActive(96 * 60));
        Assert.False(rule.IsActive(96 * 60 - 1));
        Assert.Equal((new DateOnly(2025, 7, 1), new DateOnly(2026, 6, 30)), rule.Window(new DateOnly(2026, 6, 30)));
        Assert.Equal((new DateOnly(2025, 3, 1), new DateOnly(2026, 2, 28)), rule.Window(new DateOnly(2026, 2, 28)));
        var (start, end) = rule.WindowBounds(new DateOnly(2026, 6, 30));
        Assert.Equal(new DateTimeOffset(2025, 6, 30, 16, 0, 0, TimeSpan.Zero), start); // midnight in China
        Assert.Equal(new DateTimeOffset(2026, 6, 30, 16, 0, 0, TimeSpan.Zero), end);
        Assert.Contains("96 小时", rule.Definition(new DateOnly(2026, 6, 30)));
        Assert.Contains("8 小时", rule.Definition(new DateOnly(2026, 6, 30)));
    }

    [Fact]
    public void The_active_rule_can_be_configured_and_refuses_nonsense()
    {
        var rule = new ActiveVolunteerRule { MinHoursPerMonth = 4.5m, Months = 6 };
        Assert.Equal(27 * 60, rule.ThresholdMinutes);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 6, 30)), rule.Window(new DateOnly(2026, 6, 30)));
        Assert.Empty(rule.Problems());
        Assert.NotEmpty(new ActiveVolunteerRule { MinHoursPerMonth = 0 }.Problems());
        Assert.NotEmpty(new ActiveVolunteerRule { Months = 0 }.Problems());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(24.01)]
    [InlineData(0.001)]
    public void Session_hours_must_be_more_than_nothing_and_at_most_a_day(double hours)
    {
        var checks = new Checks();
        HoursRule.ToMinutes((decimal)hours, checks, "hours", TrainingSession.MaxMinutes);
        Assert.False(checks.Ok);
    }

    [Fact]
    public void Hours_become_minutes_and_back()
    {
        var checks = new Checks();
        Assert.Equal(150, HoursRule.ToMinutes(2.5m, checks, "hours", TrainingSession.MaxMinutes));
        Assert.Equal(1440, HoursRule.ToMinutes(24m, checks, "hours", TrainingSession.MaxMinutes));
        Assert.True(checks.Ok);
        Assert.Equal(2.5m, HoursRule.ToHours(150));
        Assert.Equal(0.1m, HoursRule.ToHours(5)); // 0.083 → 0.1
        Assert.Equal("义警培训-2026-000123", TrainingAttendance.CertificateNumberFor(2026, 123));
    }

    [Fact]
    public void A_ranking_year_before_2000_or_after_this_one_is_refused()
    {
        var now = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
        Assert.Throws<ValidationFailedException>(() => HonourYear.Bounds(1999, now));
        Assert.Throws<ValidationFailedException>(() => HonourYear.Bounds(2027, now));
        var (start, end) = HonourYear.Bounds(2026, now);
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2026, 12, 31, 16, 0, 0, TimeSpan.Zero), end);
    }
}
