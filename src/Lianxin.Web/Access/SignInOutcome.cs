namespace Lianxin.Web.Access;

public sealed record SignInOutcome(bool Succeeded, string? Error = null, bool MustChangePassword = false, bool LockedOut = false);
