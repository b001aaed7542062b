using Lianxin.Core.Common;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Common;

public class ChinaPeriodTests
{
    // 00:30 on 1 March 2025 in China is still 28 February in UTC.
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 0, 30, 0, ChinaTime.Offset);

    [Fact]
    public void Missing_ends_default_to_this_year_up_to_today_in_China()
    {
        var p = ChinaPeriod.Of(null, null, Now);

        Assert.Equal(new DateOnly(2025, 1, 1), p.From);
        Assert.Equal(new DateOnly(2025, 3, 1), p.To);
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 16, 0, 0, TimeSpan.Zero), p.Start);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 16, 0, 0, TimeSpan.Zero), p.End);
        Assert.Equal(p, ChinaPeriod.Of(null, null, new FakeTimeProvider(Now)));
    }

    [Fact]
    public void A_past_year_runs_to_its_last_day()
    {
        var p = ChinaPeriod.Of(new DateOnly(2023, 4, 1), null, Now);

        Assert.Equal(new DateOnly(2023, 12, 31), p.To);
        Assert.Equal(new ChinaPeriod(new DateOnly(2022, 4, 1), new DateOnly(2022, 12, 31)), p.YearEarlier());
    }

    [Theory]
    [InlineData("2025-03-01", "2025-01-01", "from")]
    [InlineData("2019-01-01", "2025-12-31", "to")]
    [InlineData("1999-12-31", "2000-01-31", "from")]
    [InlineData("2100-01-01", "2101-01-01", "from")]
    public void Bad_periods_are_a_422_naming_the_field(string from, string to, string field)
    {
        var e = Assert.Throws<ValidationFailedException>(() => ChinaPeriod.Of(DateOnly.Parse(from), DateOnly.Parse(to), Now));

        Assert.Equal(field, Assert.Single(e.Errors).Key);
    }

    [Fact]
    public void Five_years_less_a_day_is_the_longest_period()
    {
        Assert.NotNull(ChinaPeriod.Of(new DateOnly(2020, 1, 2), new DateOnly(2025, 1, 1), Now));
        Assert.Throws<ValidationFailedException>(() => ChinaPeriod.Of(new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 1), Now));
    }
}
