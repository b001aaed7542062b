namespace Lianxin.Core.Volunteers.Tips;

/// <summary>The things that can be done to a tip; which of them a state allows is in <see cref="TipTransitions"/>.</summary>
public enum TipAction
{
    AddPhoto = 1,
    StartChecking,
    Dismiss,
    Act,
    Close,
}
