namespace Lianxin.Web.Hosting;

public enum PasswordProfile
{
    /// <summary>GB/T 22239 (MLPS) level 3: at least 8 characters from 3 of 4 classes, changed periodically.</summary>
    Mlps,

    /// <summary>OWASP ASVS: length matters, no composition rules, no forced rotation.</summary>
    Asvs,
}
