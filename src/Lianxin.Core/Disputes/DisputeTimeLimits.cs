using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

/// <summary>How long mediation may take from triage, and how early a dispute is flagged as nearing
/// that limit. Bound from configuration; <see cref="Default"/> is the usual one month and five days.</summary>
public sealed record DisputeTimeLimits
{
    public static DisputeTimeLimits Default { get; } = new();

    public int MediationMonths { get; init; } = 1;
    public int NearingDays { get; init; } = 5;

    // Deadlines are calendar dates in China; no daylight saving, so a fixed offset is exact.
    internal static readonly TimeSpan ChinaOffset = ChinaTime.Offset;

    public DateTimeOffset DueFrom(DateTimeOffset start)
    {
        if (MediationMonths < 1)
            throw new ArgumentOutOfRangeException(nameof(MediationMonths), "调解期限至少为 1 个月");
        return start.ToOffset(ChinaOffset).AddMonths(MediationMonths);
    }

    public DateTimeOffset NearingFrom(DateTimeOffset due)
    {
        if (NearingDays < 0)
            throw new ArgumentOutOfRangeException(nameof(NearingDays), "临期提醒天数不能为负");
        return due.AddDays(-NearingDays);
    }
}
