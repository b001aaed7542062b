using Lianxin.Core.Common;

namespace Lianxin.Core.Incidents.Statistics;

/// <summary>The same counts over an earlier period, and the change against it: (now − then) ÷ then, null when then is 0.</summary>
public sealed record IncidentComparison(
    ChinaPeriod Period,
    IncidentCounts Counts,
    double? TotalChange,
    double? ValidChange,
    double? PreventableChange
);
