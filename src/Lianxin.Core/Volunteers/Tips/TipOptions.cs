namespace Lianxin.Core.Volunteers.Tips;

/// <summary>Settings of the tips (configuration section "Volunteers:Tips").</summary>
public sealed class TipOptions
{
    public const string Section = "Volunteers:Tips";

    /// <summary>Points credited to a volunteer whose tip was acted on; once per tip.</summary>
    public int PointsPerTip { get; set; } = 10;

    /// <summary>Wrong query codes one address may try per <see cref="LookupWindowMinutes"/> before being refused.</summary>
    public int LookupFailuresPerWindow { get; set; } = 10;

    public int LookupWindowMinutes { get; set; } = 15;

    public IEnumerable<string> Problems()
    {
        if (PointsPerTip is < 0 or > 1000)
            yield return "PointsPerTip 须在 0 到 1000 之间";
        if (LookupFailuresPerWindow is < 1 or > 1_000_000)
            yield return "LookupFailuresPerWindow 须在 1 到 1000000 之间";
        if (LookupWindowMinutes is < 1 or > 1440)
            yield return "LookupWindowMinutes 须在 1 到 1440 之间";
    }
}
