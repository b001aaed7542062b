using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers.Honours;

/// <summary>Hours as people enter and read them (2.5 小时), minutes as the ledger keeps them.</summary>
public static class HoursRule
{
    public static decimal ToHours(long minutes) => Math.Round(minutes / 60m, 1, MidpointRounding.AwayFromZero);

    /// <summary>Checks entered hours (to the minute) and turns them into minutes; a missing, zero or
    /// out-of-range value is a field error.</summary>
    public static int ToMinutes(decimal? hours, Checks checks, string field, int maxMinutes)
    {
        if (hours is not { } h)
        {
            checks.Add(field, "请填写时长（小时）");
            return 0;
        }
        var minutes = Math.Round(h * 60m, MidpointRounding.AwayFromZero);
        var max = maxMinutes / 60m;
        if (minutes <= 0 || minutes > maxMinutes)
        {
            checks.Add(field, $"时长须大于 0 且不超过 {max:0.#} 小时");
            return 0;
        }
        return (int)minutes;
    }
}
