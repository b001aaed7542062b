namespace Lianxin.Core.Incidents.Import;

/// <summary>The things that can happen to an import batch; which of them a state allows is in
/// <see cref="ImportTransitions"/>.</summary>
public enum ImportAction
{
    Run = 1,
    Complete,
    GiveUp,
}
