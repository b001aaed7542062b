using System.Globalization;

namespace Lianxin.Core.Common;

/// <summary>Times are stored in UTC and shown, and cut into days, in China Standard Time, which has no daylight saving.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset at) => at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The calendar day in China at <paramref name="at"/>.</summary>
    public static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>Today's date in China by the clock, whatever the server's own time zone.</summary>
    public static DateOnly Today(TimeProvider clock) => Day(clock.GetUtcNow());

    /// <summary>Midnight starting a calendar day in China, as a UTC instant (what queries compare stored times with).
    /// A day outside <see cref="DateBounds"/> is refused (422) rather than overflowing at the calendar's ends.</summary>
    public static DateTimeOffset StartUtc(DateOnly day)
    {
        // The day after the last one is allowed: a period's end is the start of the day after it.
        if (day < DateBounds.Min || day > DateBounds.Max.AddDays(1))
            throw new ValidationFailedException("date", DateBounds.Message);
        return StartOf(day.ToDateTime(TimeOnly.MinValue)).ToUniversalTime();
    }

    /// <summary>Midnight at the start of a calendar day in China.</summary>
    public static DateTimeOffset StartOf(DateTime day) => new(day.Date, Offset);
}
