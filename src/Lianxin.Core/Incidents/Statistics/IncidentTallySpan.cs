namespace Lianxin.Core.Incidents.Statistics;

/// <summary>How long a period one <see cref="IncidentTally"/> row covers.</summary>
public enum IncidentTallySpan
{
    Day = 1, // one China calendar day
    Month = 2, // one China calendar month; Day is its first day
}
