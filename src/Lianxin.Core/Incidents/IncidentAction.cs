namespace Lianxin.Core.Incidents;

/// <summary>The things that can happen to an incident after it is received; which of them a stage allows is in
/// <see cref="IncidentTransitions"/>.</summary>
public enum IncidentAction
{
    Place = 1,
    Reassess,
    EditParties,
    FlagRepeat,
    RegisterCase,
    TakeDispute,
}
