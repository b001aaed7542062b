namespace Lianxin.Web.Access;

/// <summary>What presenting a bearer session's refresh token did.</summary>
public enum RefreshOutcome
{
    /// <summary>It was the current token: the session moved on to the next one.</summary>
    Rotated,

    /// <summary>The session had already ended (signed out, password changed, disabled, expired).</summary>
    Ended,

    /// <summary>The token had been exchanged before: a copy is in someone else's hands, so the session was ended.</summary>
    Reused,
}
