using Lianxin.Core.Common;

namespace Lianxin.Core.Incidents.Cases;

/// <summary>Overdue figures (超期情况) of the cases registered in a period: how many were concluded within their
/// limit, concluded late, are still open past the deadline, or still open in time.</summary>
public sealed record CaseFigures(
    Guid? OrgUnitId,
    string UnitName,
    ChinaPeriod Period,
    int Registered,
    int ConcludedInTime,
    int ConcludedLate,
    int OpenOverdue,
    int OpenInTime,
    IReadOnlyList<Statistics.StatisticDefinition> Definitions
);
