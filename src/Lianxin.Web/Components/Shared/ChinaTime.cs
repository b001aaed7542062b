using System.Globalization;

namespace Lianxin.Web.Components.Shared;

/// <summary>Times are stored in UTC and shown in China Standard Time, which has no daylight saving.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset at) =>
        at.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Midnight at the start of a calendar day in China.</summary>
    public static DateTimeOffset StartOf(DateTime day) => new(day.Date, Offset);
}
