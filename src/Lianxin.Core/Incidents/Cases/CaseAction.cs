namespace Lianxin.Core.Incidents.Cases;

/// <summary>The things that can happen to a public-security case; which of them a state allows is in
/// <see cref="CaseTransitions"/>.</summary>
public enum CaseAction
{
    Conclude = 1,
    Warn,
    NotifyOverdue,
}
