namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Records that a station's weekly repeated-incident digest went out, so it goes out once.</summary>
public sealed class RepeatDigest
{
    public Guid StationId { get; init; }
    public DateOnly WeekStart { get; init; }
    public DateTimeOffset SentAt { get; init; }
}
