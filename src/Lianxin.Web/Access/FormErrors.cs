using Microsoft.AspNetCore.DataProtection;

namespace Lianxin.Web.Access;

/// <summary>Messages a form post sends back to its page through the address (<c>?error=</c>), sealed with the app's
/// data-protection keys and good for ten minutes. A page shows only what it can unseal, so a crafted link cannot put
/// words of someone else's choosing in the page's red alert, while the real reasons (a password rule that was not
/// met) still reach the person who typed the password.</summary>
public static class FormErrors
{
    private const string Purpose = "Lianxin.FormErrors.v1";
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static string Seal(IDataProtectionProvider provider, IEnumerable<string> messages) =>
        provider.CreateProtector(Purpose).ToTimeLimitedDataProtector().Protect(string.Join("；", messages), Lifetime);

    /// <summary>The sealed messages, or null for anything that was not sealed here, was altered or has expired.</summary>
    public static string? Open(IDataProtectionProvider provider, string? sealedText)
    {
        if (string.IsNullOrEmpty(sealedText) || sealedText.Length > 4096)
            return null;
        try
        {
            return provider.CreateProtector(Purpose).ToTimeLimitedDataProtector().Unprotect(sealedText);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
