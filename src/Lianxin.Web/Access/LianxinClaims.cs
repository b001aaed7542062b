namespace Lianxin.Web.Access;

public static class LianxinClaims
{
    public const string DisplayName = "lx:name";
    public const string OrgUnit = "lx:unit";
    public const string MustChangePassword = "lx:must_change_pw";

    /// <summary>UTC ticks of the password sign-in; carried through refreshes so the absolute lifetime holds.</summary>
    public const string SignedInAt = "lx:signed_in";
}
