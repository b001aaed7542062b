namespace Lianxin.Web.Access;

/// <summary>Why a sign-in failed, as the short code the sign-in pages are sent back with (<c>?error=</c>). The pages
/// show only the fixed message of a code they know, never text from the address, so a crafted link cannot put
/// words of someone else's choosing (a phone number to call, say) in the page's red alert.</summary>
public static class SignInErrors
{
    public const string Required = "required";
    public const string Credentials = "credentials";
    public const string Disabled = "disabled";
    public const string Failed = "failed";

    private static readonly Dictionary<string, string> Keys = new(StringComparer.Ordinal)
    {
        [Required] = "SignIn_Error_Required",
        [Credentials] = "SignIn_Error_Credentials",
        [Disabled] = "SignIn_Error_Disabled",
        [Failed] = "SignIn_Error_Failed",
    };

    /// <summary>The resource key of a known code's message; null for anything else, which shows nothing.</summary>
    public static string? MessageKey(string? code) => code is not null && Keys.TryGetValue(code, out var key) ? key : null;
}
