namespace Lianxin.Core.Incidents.Statistics;

public sealed record IncidentCounts(int Total, int Valid, int Repeat, int Invalid, int Preventable)
{
    public static readonly IncidentCounts Zero = new(0, 0, 0, 0, 0);

    public static IncidentCounts Of(IncidentTally t) => new(t.Total, t.Valid, t.Repeat, t.Invalid, t.Preventable);
}
