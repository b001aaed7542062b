namespace Lianxin.Core.Incidents.Repeats;

/// <summary>The things that can happen to a repeated-incident cluster on (or off) the focus list; which of them a
/// state allows is in <see cref="FocusTransitions"/>.</summary>
public enum FocusAction
{
    AddToFocus = 1,
    ChangeOwner,
    ChangeStatus,
    AddNote,
    GrowAgain,
}
