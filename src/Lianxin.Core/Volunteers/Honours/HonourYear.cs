using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers.Honours;

/// <summary>A calendar year in China as the ranking and the certificates count it.</summary>
public static class HonourYear
{
    public const int First = 2000;

    /// <summary>The UTC instants bounding the year [start, end); a year before 2000 or after this one is a 422.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Bounds(int year, DateTimeOffset now)
    {
        var current = ChinaTime.Day(now).Year;
        if (year < First || year > current)
            throw new ValidationFailedException("year", $"年度须在 {First} 年到 {current} 年之间");
        return (Start(year), Start(year + 1));
    }

    private static DateTimeOffset Start(int year) => new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
}
