using Lianxin.Web.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Access;

/// <summary>The staff sign-in cookie: idle timeout by sliding expiry, an absolute lifetime counted from
/// sign-in, its server-side session asked about on every request (so a cookie kept from before a sign-out
/// is refused at once), 401/403 instead of redirects for API calls.</summary>
public static class SessionCookies
{
    public static void Configure(CookieAuthenticationOptions o, SecurityOptions security)
    {
        o.Cookie.Name = "lianxin.auth";
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.LoginPath = "/account/login";
        o.LogoutPath = "/account/logout";
        o.AccessDeniedPath = "/account/denied";
        o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleTimeoutMinutes);
        o.SlidingExpiration = true;
        o.Events = new CookieAuthenticationEvents
        {
            OnValidatePrincipal = async ctx =>
            {
                var now = ctx.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (ctx.Principal is not { } principal || RevalidatingAuthState.PastAbsoluteLifetime(principal, security, now))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                var sessions = ctx.HttpContext.RequestServices.GetRequiredService<UserSessions>();
                if (!await sessions.IsLiveAsync(principal, ctx.HttpContext.RequestAborted))
                {
                    await sessions.AuditRefusalAsync(principal, "网页", ctx.HttpContext.RequestAborted);
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(ctx);
            },
            OnRedirectToLogin = ctx => ApiOr(ctx, StatusCodes.Status401Unauthorized),
            OnRedirectToAccessDenied = ctx => ApiOr(ctx, StatusCodes.Status403Forbidden),
        };
    }

    private static Task ApiOr(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Path.StartsWithSegments("/hubs"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
