using Lianxin.Core.Common;
using Lianxin.Core.Incidents.Cases;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Incidents;

/// <summary>The 1/3/7-day limits run in hours from registration (a simple case registered at 23:00 has until
/// 23:00 the next day, not until midnight), with the warning at 75% of the time.</summary>
public sealed class CaseDeadlineTests
{
    private static readonly TimeSpan China = ChinaTime.Offset;

    [Theory]
    [InlineData(CaseKind.Simple, 1, 18)]
    [InlineData(CaseKind.General, 3, 54)]
    [InlineData(CaseKind.Complex, 7, 126)]
    public void The_deadline_is_the_limit_in_hours_and_the_warning_comes_at_three_quarters(CaseKind kind, int days, int warnHours)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 23, 0, 0, China));
        var options = new CaseOptions();
        Assert.Equal(days, options.LimitFor(kind));
        var registered = clock.GetUtcNow();
        var c = PublicSecurityCase.Register(
            "AJ-1",
            "测试案件",
            kind,
            options.LimitFor(kind),
            Guid.NewGuid(),
            null,
            null,
            "张警官",
            null,
            registered
        );
        Assert.Equal(registered.AddDays(days), c.DueAt);
        Assert.Equal(registered.AddHours(warnHours), c.WarnAt);

        clock.Advance(TimeSpan.FromHours(warnHours) - TimeSpan.FromSeconds(1));
        Assert.False(c.IsNearingLimit(clock.GetUtcNow()));
        Assert.False(c.IsOverdue(clock.GetUtcNow()));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(c.IsNearingLimit(clock.GetUtcNow()));
        Assert.Equal(TimeSpan.FromHours(days * 24 - warnHours), c.Remaining(clock.GetUtcNow()));

        clock.SetUtcNow(c.DueAt - TimeSpan.FromSeconds(1));
        Assert.False(c.IsOverdue(clock.GetUtcNow()));
        clock.SetUtcNow(c.DueAt);
        Assert.True(c.IsOverdue(clock.GetUtcNow()));
        Assert.False(c.IsNearingLimit(clock.GetUtcNow()));
        Assert.True(c.Remaining(clock.GetUtcNow()) <= TimeSpan.Zero);
    }

    [Fact]
    public void A_simple_case_registered_late_at_night_still_has_a_full_day()
    {
        var at = new DateTimeOffset(2026, 3, 1, 23, 0, 0, China);
        var c = PublicSecurityCase.Register("AJ-2", "夜间案件", CaseKind.Simple, 1, Guid.NewGuid(), null, null, "李警官", null, at);
        Assert.Equal(new DateTimeOffset(2026, 3, 2, 23, 0, 0, China), c.DueAt);
        // Concluded exactly at the deadline is in time; a second later is late.
        c.Conclude("已调解结案", c.DueAt);
        Assert.True(c.ConcludedInTime);
        Assert.False(c.IsOverdue(c.DueAt.AddDays(3)));
        Assert.Null(c.Remaining(c.DueAt));
        var late = PublicSecurityCase.Register("AJ-3", "超期案件", CaseKind.Simple, 1, Guid.NewGuid(), null, null, "李警官", null, at);
        late.Conclude("已处罚", late.DueAt.AddSeconds(1));
        Assert.False(late.ConcludedInTime);
        Assert.Throws<Lianxin.Core.Common.ConflictException>(() => late.Conclude("再次办结", late.DueAt.AddDays(1)));
    }

    [Fact]
    public void Limits_the_station_could_not_work_with_are_refused()
    {
        Assert.Empty(new CaseOptions().Problems());
        Assert.NotEmpty(
            new CaseOptions
            {
                CaseLimitDays = new CaseLimitDays
                {
                    Simple = 0,
                    General = 3,
                    Complex = 7,
                },
            }.Problems()
        );
        Assert.NotEmpty(
            new CaseOptions
            {
                CaseLimitDays = new CaseLimitDays
                {
                    Simple = 3,
                    General = 2,
                    Complex = 7,
                },
            }.Problems()
        );
        Assert.NotEmpty(
            new CaseOptions
            {
                CaseLimitDays = new CaseLimitDays
                {
                    Simple = 1,
                    General = 3,
                    Complex = 61,
                },
            }.Problems()
        );
        Assert.Equal(
            5,
            new CaseOptions
            {
                CaseLimitDays = new CaseLimitDays
                {
                    Simple = 2,
                    General = 5,
                    Complex = 10,
                },
            }.LimitFor(CaseKind.General)
        );
    }
}
