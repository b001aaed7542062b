namespace Lianxin.Core.Volunteers.Feed;

/// <summary>The things staff do to an opinion; which of them a state allows is in <see cref="OpinionTransitions"/>.</summary>
public enum OpinionAction
{
    Assign = 1,
    Answer,
    Close,
}
