using System.Security.Claims;
using Lianxin.Core.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Lianxin.Web.Access;

/// <summary>The form posts behind the sign-in, sign-out and change-password pages. They are plain
/// HTML forms (with antiforgery) so they work on any phone without a live connection.</summary>
public static class AccountForms
{
    public static void MapAccountForms(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/login", Login)
            .AllowAnonymous()
            .RequireRateLimiting(Hosting.LianxinHost.SignInRateLimit)
            .ExcludeFromDescription();
        app.MapPost("/account/logout", Logout).ExcludeFromDescription();
        app.MapPost("/account/change-password", ChangePassword).RequireAuthorization().ExcludeFromDescription();
    }

    private static async Task<IResult> Login(
        [FromForm] string? userName,
        [FromForm] string? password,
        [FromForm] string? returnUrl,
        [FromForm] string? mobile,
        SignInService signIn
    )
    {
        var isMobile = mobile == "1";
        var outcome = await signIn.SignInAsync(userName, password, IdentityConstants.ApplicationScheme);
        var page = isMobile ? "/m/login" : "/account/login";
        if (!outcome.Succeeded)
            return Results.Redirect(
                $"{page}?error={outcome.Code ?? SignInErrors.Failed}&user={Uri.EscapeDataString(userName ?? "")}"
                    + $"&returnUrl={Uri.EscapeDataString(SafeLocal(returnUrl, isMobile))}"
            );
        if (outcome.MustChangePassword)
            return Results.Redirect(isMobile ? "/m/change-password" : "/account/change-password");
        return Results.Redirect(SafeLocal(returnUrl, isMobile));
    }

    private static async Task<IResult> Logout(ClaimsPrincipal user, SignInService signIn, [FromForm] string? mobile)
    {
        await signIn.SignOutAsync(user);
        return Results.Redirect(mobile == "1" ? "/m/login" : "/account/login");
    }

    private static async Task<IResult> ChangePassword(
        [FromForm] string? currentPassword,
        [FromForm] string? newPassword,
        [FromForm] string? confirmPassword,
        [FromForm] string? mobile,
        ClaimsPrincipal principal,
        UserManager<LianxinUser> users,
        SignInService signIn,
        Microsoft.AspNetCore.DataProtection.IDataProtectionProvider protection
    )
    {
        var page = mobile == "1" ? "/m/change-password" : "/account/change-password";
        var user = await users.GetUserAsync(principal);
        if (user is null)
            return Results.Redirect("/account/login");
        var errors = await signIn.ChangePasswordAsync(user, currentPassword, newPassword, confirmPassword, UserSessions.IdOf(principal));
        if (errors.Count > 0)
            return Results.Redirect($"{page}?error={Uri.EscapeDataString(FormErrors.Seal(protection, errors))}");
        await signIn.RefreshAfterPasswordChangeAsync(user, principal);
        return Results.Redirect(mobile == "1" ? "/m/profile?changed=1" : "/?passwordChanged=1");
    }

    /// <summary>Only local paths, so a crafted link cannot bounce a user to another site after sign-in.</summary>
    private static string SafeLocal(string? url, bool mobile)
    {
        var fallback = mobile ? "/m/profile" : "/";
        return Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(url) && !url!.Any(char.IsControl) ? url : fallback;
    }
}
