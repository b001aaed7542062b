using Lianxin.Core.Common;

namespace Lianxin.Core.Incidents.Statistics;

/// <summary>What one incident adds to the statistics: everything the tallies count about it.</summary>
public readonly record struct IncidentFact(
    Guid OrgUnitId,
    DateTimeOffset ReceivedAt,
    string CategoryCode,
    IncidentValidity Validity,
    bool Preventable
)
{
    public static IncidentFact Of(Incident i) => new(i.OrgUnitId, i.ReceivedAt, i.CategoryCode, i.Validity, i.Preventable);

    /// <summary>The China calendar day it was received on.</summary>
    public DateOnly Day => ChinaTime.Day(ReceivedAt);

    /// <summary>The hour of day (China time) it was received in.</summary>
    public int Hour => ReceivedAt.ToOffset(ChinaTime.Offset).Hour;
}
