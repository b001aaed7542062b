using Lianxin.Core.Common;

namespace Lianxin.Core.Incidents.Statistics;

public sealed record IncidentStatistics(
    Guid? OrgUnitId,
    string UnitName,
    ChinaPeriod Period,
    IncidentCounts Counts,
    IncidentComparison YearOnYear,
    IncidentComparison MonthOnMonth,
    IReadOnlyList<CategoryCount> ByCategory,
    IReadOnlyList<UnitCount> ByUnit,
    IReadOnlyList<int> ByHour,
    IReadOnlyList<int> ByWeekday,
    IReadOnlyList<StatisticDefinition> Definitions
);
