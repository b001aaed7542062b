namespace Lianxin.Core.Common;

/// <summary>A period of whole calendar days in China (UTC+8, no daylight saving), both ends included, and the
/// UTC instants that bound it: [<see cref="Start"/>, <see cref="End"/>). Every figure and statistic takes its
/// period from here, with one default and one cap.</summary>
public sealed record ChinaPeriod(DateOnly From, DateOnly To)
{
    /// <summary>Longest period a request may ask for, so a hostile request cannot ask for centuries.</summary>
    public const int MaxYears = 5;

    public const int EarliestYear = 2000;
    public const int LatestYear = 2100;

    /// <summary>Midnight starting <see cref="From"/> in China, in UTC (PostgreSQL stores only UTC instants).</summary>
    public DateTimeOffset Start => ChinaTime.StartUtc(From);

    /// <summary>Midnight after <see cref="To"/> in China, in UTC: the first instant outside the period.</summary>
    public DateTimeOffset End => ChinaTime.StartUtc(To.AddDays(1));

    /// <summary>The same days one year earlier (29 February becomes the 28th).</summary>
    public ChinaPeriod YearEarlier() => new(From.AddYears(-1), To.AddYears(-1));

    /// <summary>Checks a requested period (a 422 naming the field); missing ends default to this calendar year
    /// up to today.</summary>
    public static ChinaPeriod Of(DateOnly? from, DateOnly? to, DateTimeOffset now)
    {
        var today = ChinaTime.Day(now);
        var f = from ?? new DateOnly((to ?? today).Year, 1, 1);
        var t = to ?? (f.Year == today.Year ? today : new DateOnly(f.Year, 12, 31));
        if (f > t)
            throw new ValidationFailedException("from", "开始日期不能晚于结束日期");
        if (f.Year < EarliestYear || t.Year > LatestYear)
            throw new ValidationFailedException("from", $"统计日期须在 {EarliestYear} 年至 {LatestYear} 年之间");
        if (t.AddYears(-MaxYears) >= f)
            throw new ValidationFailedException("to", $"统计区间不能超过 {MaxYears} 年");
        return new ChinaPeriod(f, t);
    }

    /// <summary>As <see cref="Of(DateOnly?, DateOnly?, DateTimeOffset)"/>, today by the clock.</summary>
    public static ChinaPeriod Of(DateOnly? from, DateOnly? to, TimeProvider clock) => Of(from, to, clock.GetUtcNow());
}
