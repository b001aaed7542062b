using System.Globalization;

namespace Lianxin.Core.Common;

/// <summary>The calendar every date the platform accepts must fall in. Beyond it a date is a typo or a probe:
/// converting 0001-01-01 or 9999-12-31 to a China-time instant overflows, so it is refused first, as a 422 that
/// names the field.</summary>
public static class DateBounds
{
    public static readonly DateOnly Min = new(1900, 1, 1);
    public static readonly DateOnly Max = new(2100, 12, 31);

    public static string Message { get; } =
        string.Create(CultureInfo.InvariantCulture, $"日期须在 {Min:yyyy-MM-dd} 至 {Max:yyyy-MM-dd} 之间");

    public static bool Contains(DateOnly day) => day >= Min && day <= Max;

    /// <summary>Whether a date, a date and time, or an instant (read as its China day) is in the bounds;
    /// true for anything that is not a date and for null.</summary>
    public static bool Accepts(object? value) =>
        value switch
        {
            DateOnly d => Contains(d),
            DateTime t => Contains(DateOnly.FromDateTime(t)),
            // The instant's own calendar day: converting it to China time could itself overflow.
            DateTimeOffset o => Contains(DateOnly.FromDateTime(o.DateTime)),
            _ => true,
        };

    /// <summary>Refuses a date outside the bounds with a 422 naming <paramref name="field"/>.</summary>
    public static void Check(DateOnly? day, string field)
    {
        if (day is { } d && !Contains(d))
            throw new ValidationFailedException(field, Message);
    }
}
