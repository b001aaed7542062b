namespace Lianxin.Core.Incidents.Cases;

/// <summary>Where a case stands against its limit, for colour and filters.</summary>
public enum CaseTimeState
{
    InTime = 1, // open, before the 75% point
    Nearing = 2, // open, past 75% of the time
    Overdue = 3, // open, past the deadline
    ConcludedInTime = 4,
    ConcludedLate = 5,
}
