namespace Lianxin.Web.Hosting;

public sealed class SecurityOptions
{
    public PasswordProfile PasswordProfile { get; set; } = PasswordProfile.Mlps;
    public int MinimumPasswordLength { get; set; } = 8;
    public int MaximumPasswordLength { get; set; } = 128;
    public int PasswordMaxAgeDays { get; set; } = 90;
    public int LockoutThreshold { get; set; } = 5;
    public int LockoutMinutes { get; set; } = 15;
    public int IdleTimeoutMinutes { get; set; } = 30;
    public int AbsoluteSessionHours { get; set; } = 12;
    public int BearerTokenMinutes { get; set; } = 60;

    /// <summary>How long a node may trust its own answer that a session is live before asking the database
    /// again. Revocation on the same node takes effect at once; other nodes follow within this time. 0 asks
    /// the database on every request.</summary>
    public int SessionCacheSeconds { get; set; } = 10;

    /// <summary>Sign-in attempts (page or API, any account) accepted per client address per minute.</summary>
    public int SignInAttemptsPerMinute { get; set; } = 30;

    /// <summary>Requests to referral receivers' one-time links (page or API) accepted per client address per minute.</summary>
    public int ReferralLinkRequestsPerMinute { get; set; } = 30;
}
