using System.Globalization;
using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers.Figures;

/// <summary>Who counts as an active volunteer (活跃义警): a registered volunteer whose credited hours over the
/// <see cref="Months"/> months before the end of the period average at least <see cref="MinHoursPerMonth"/>
/// a month. Set in configuration under <c>Volunteers:Active</c>.</summary>
public sealed class ActiveVolunteerRule
{
    public const string Section = "Volunteers:Active";

    public decimal MinHoursPerMonth { get; set; } = 8;
    public int Months { get; set; } = 12;

    /// <summary>Minutes over the whole window needed to count as active.</summary>
    public long ThresholdMinutes => (long)Math.Ceiling(MinHoursPerMonth * 60 * Months);

    public bool IsActive(long minutesInWindow) => minutesInWindow >= ThresholdMinutes;

    /// <summary>The window before a period ending on <paramref name="to"/> (inclusive), as China days.</summary>
    public (DateOnly From, DateOnly To) Window(DateOnly to) => (to.AddDays(1).AddMonths(-Months), to);

    public string Definition(DateOnly to)
    {
        var (from, until) = Window(to);
        var total = (MinHoursPerMonth * Months).ToString("0.#", CultureInfo.InvariantCulture);
        return $"活跃义警：在册义警中，{from:yyyy-MM-dd} 至 {until:yyyy-MM-dd}（统计截止日前 {Months} 个月）累计服务时长不少于 {total} 小时，"
            + $"即月均不少于 {MinHoursPerMonth.ToString("0.#", CultureInfo.InvariantCulture)} 小时。";
    }

    public IEnumerable<string> Problems()
    {
        if (MinHoursPerMonth <= 0 || MinHoursPerMonth > 200)
            yield return "MinHoursPerMonth 须大于 0 且不超过 200";
        if (Months < 1 || Months > 36)
            yield return "Months 须在 1 到 36 之间";
    }

    /// <summary>The window's bounds in UTC, [start, end).</summary>
    public (DateTimeOffset Start, DateTimeOffset End) WindowBounds(DateOnly to)
    {
        var (from, until) = Window(to);
        return (ChinaTime.StartUtc(from), ChinaTime.StartUtc(until.AddDays(1)));
    }
}
