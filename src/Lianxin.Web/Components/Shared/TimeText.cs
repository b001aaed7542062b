using System.Globalization;
using Lianxin.Core.Common;

namespace Lianxin.Web.Components.Shared;

/// <summary>How times read on the staff pages of every feature: to the minute, in China Standard Time.</summary>
public static class TimeText
{
    public static string Minutes(DateTimeOffset at) =>
        at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static string Minutes(DateTimeOffset? at) => at is { } a ? Minutes(a) : "";
}
