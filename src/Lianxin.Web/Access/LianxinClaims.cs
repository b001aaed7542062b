namespace Lianxin.Web.Access;

public static class LianxinClaims
{
    public const string DisplayName = "lx:name";
    public const string OrgUnit = "lx:unit";
    public const string MustChangePassword = "lx:must_change_pw";

    /// <summary>UTC ticks of the password sign-in; carried through refreshes so the absolute lifetime holds.</summary>
    public const string SignedInAt = "lx:signed_in";

    /// <summary>The server-side session (<see cref="Lianxin.Core.Access.UserSession"/>) this cookie or token belongs to.</summary>
    public const string SessionId = "lx:sid";

    /// <summary>A bearer session's refresh generation at the time the token was issued.</summary>
    public const string RefreshGeneration = "lx:rgen";
}
