using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers.Figures;

/// <summary>Whole China days, both ends included, and the UTC instants bounding them: [Start, End).</summary>
public sealed record VolunteerPeriod(DateOnly From, DateOnly To)
{
    public const int MaxYears = 5;

    public DateTimeOffset Start => ChinaTime.StartOf(From.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
    public DateTimeOffset End => ChinaTime.StartOf(To.AddDays(1).ToDateTime(TimeOnly.MinValue)).ToUniversalTime();

    /// <summary>Checks a requested period; missing ends default to this calendar year up to today.</summary>
    public static VolunteerPeriod Of(DateOnly? from, DateOnly? to, DateTimeOffset now)
    {
        var today = ChinaTime.Day(now);
        var f = from ?? new DateOnly((to ?? today).Year, 1, 1);
        var t = to ?? (f.Year == today.Year ? today : new DateOnly(f.Year, 12, 31));
        if (f.Year < 2000 || t.Year > 2100) throw new ValidationFailedException("from", "统计日期须在 2000 年至 2100 年之间");
        if (f > t) throw new ValidationFailedException("from", "开始日期不能晚于结束日期");
        if (t.AddYears(-MaxYears) >= f) throw new ValidationFailedException("to", $"统计区间不能超过 {MaxYears} 年");
        return new VolunteerPeriod(f, t);
    }
}
