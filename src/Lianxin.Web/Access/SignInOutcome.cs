namespace Lianxin.Web.Access;

/// <summary>What a sign-in came to. <see cref="Error"/> is the message an API client reads; <see cref="Code"/>
/// (one of <see cref="SignInErrors"/>) is what the sign-in page is sent back with.</summary>
public sealed record SignInOutcome(
    bool Succeeded,
    string? Error = null,
    bool MustChangePassword = false,
    bool LockedOut = false,
    string? Code = null
);
