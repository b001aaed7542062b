namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The repeated-incident rule from the "Incidents" configuration section: <see cref="MinCount"/> or
/// more incidents at one address (or from one caller) within <see cref="WindowDays"/> days. The default is
/// the usual "two or more within 30 days".</summary>
public sealed class RepeatOptions
{
    public const string Section = "Incidents";

    public int RepeatMinCount { get; set; } = 2;
    public int RepeatWindowDays { get; set; } = 30;

    /// <summary>When one intake flags more incidents than this, each officer gets one summary instead of a
    /// message per incident.</summary>
    public int RepeatDigestAbove { get; set; } = 20;

    /// <summary>An intake that comes in parts (a file) with more incidents than this is checked by the block path: the
    /// earlier incidents and the open groups of its window are read once by time instead of key by key.</summary>
    public int RepeatBlockAbove { get; set; } = 20_000;

    /// <summary>How many earlier incidents one check reads at most: a flat with hundreds of calls is already a cluster.</summary>
    public const int MaxEarlier = 50;

    public int MinCount => RepeatMinCount;
    public int WindowDays => RepeatWindowDays;
    public int DigestAbove => RepeatDigestAbove;
    public int BlockAbove => RepeatBlockAbove;

    public IEnumerable<string> Problems()
    {
        if (RepeatMinCount is < 2 or > 20)
            yield return "Incidents:RepeatMinCount 须在 2 到 20 之间";
        if (RepeatWindowDays is < 1 or > 365)
            yield return "Incidents:RepeatWindowDays 须在 1 到 365 之间";
        if (RepeatDigestAbove is < 1 or > 100_000)
            yield return "Incidents:RepeatDigestAbove 须在 1 到 100000 之间";
        if (RepeatBlockAbove < 0)
            yield return "Incidents:RepeatBlockAbove 不能为负数";
    }
}
