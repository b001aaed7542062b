using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes.Figures;

/// <summary>A period of whole calendar days in China (UTC+8, no daylight saving), both ends included,
/// and the UTC instants that bound it: [<see cref="Start"/>, <see cref="End"/>).</summary>
public sealed record DisputePeriod(DateOnly From, DateOnly To)
{
    public static readonly TimeSpan ChinaOffset = ChinaTime.Offset;

    /// <summary>Longest period the figures cover, so a hostile request cannot ask for centuries.</summary>
    public const int MaxYears = 5;

    /// <summary>Midnight starting <see cref="From"/> in China, in UTC (PostgreSQL stores only UTC instants).</summary>
    public DateTimeOffset Start => new DateTimeOffset(From.ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();

    /// <summary>Midnight after <see cref="To"/> in China, in UTC: the first instant outside the period.</summary>
    public DateTimeOffset End => new DateTimeOffset(To.AddDays(1).ToDateTime(TimeOnly.MinValue), ChinaOffset).ToUniversalTime();

    /// <summary>The same days one year earlier (29 February becomes the 28th).</summary>
    public DisputePeriod YearEarlier() => new(From.AddYears(-1), To.AddYears(-1));

    /// <summary>Checks a requested period; missing ends default to this calendar year up to today.</summary>
    public static DisputePeriod Of(DateOnly? from, DateOnly? to, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.ToOffset(ChinaOffset).DateTime);
        var f = from ?? new DateOnly((to ?? today).Year, 1, 1);
        var t = to ?? (f.Year == today.Year ? today : new DateOnly(f.Year, 12, 31));
        if (f > t) throw new ValidationFailedException("from", "开始日期不能晚于结束日期");
        if (f < DateOnly.FromDayNumber(1) || t.AddYears(-MaxYears) >= f)
            throw new ValidationFailedException("to", $"统计区间不能超过 {MaxYears} 年");
        if (f.Year < 2000 || t.Year > 2100) throw new ValidationFailedException("from", "统计日期须在 2000 年至 2100 年之间");
        return new DisputePeriod(f, t);
    }

    /// <summary>Today in China.</summary>
    public static DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(now.ToOffset(ChinaOffset).DateTime);
}
