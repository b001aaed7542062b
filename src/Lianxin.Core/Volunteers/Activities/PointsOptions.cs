namespace Lianxin.Core.Volunteers.Activities;

/// <summary>How points are earned for activity hours (configuration section <c>Volunteers:Points</c>):
/// <see cref="PerHour"/> points an hour unless <see cref="PerHourByKind"/> names the kind, plus a
/// <see cref="BonusByKind"/> for taking part at all (a search or rescue is worth more than its hours).</summary>
public sealed class PointsOptions
{
    public const string Section = "Volunteers:Points";

    public double PerHour { get; set; } = 10;
    public Dictionary<ActivityKind, double> PerHourByKind { get; set; } = [];
    public Dictionary<ActivityKind, int> BonusByKind { get; set; } = new() { [ActivityKind.Search] = 20 };

    public IEnumerable<string> Problems()
    {
        if (PerHour is < 0 or > 1000)
            yield return "PerHour";
        if (PerHourByKind.Values.Any(v => v is < 0 or > 1000))
            yield return "PerHourByKind";
        if (BonusByKind.Values.Any(v => v is < 0 or > 10_000))
            yield return "BonusByKind";
    }
}
