namespace Lianxin.Core.Access;

/// <summary>An account as every signed-in request sees it: whether it exists and is enabled, the security stamp a
/// cookie or token must still carry (it changes with a password or rights change), and the data scope of its roles.
/// Immutable, so one read can serve many requests (<c>AccessCache</c> in the host).</summary>
public sealed record AccountAccess(bool Exists, bool IsDisabled, string? SecurityStamp, DataScope Scope)
{
    public static readonly AccountAccess Missing = new(false, false, null, DataScope.Nothing);

    public bool MayAct => Exists && !IsDisabled;
}
