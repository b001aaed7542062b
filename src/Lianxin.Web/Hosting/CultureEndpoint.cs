using Microsoft.AspNetCore.Localization;

namespace Lianxin.Web.Hosting;

public static class CultureEndpoint
{
    /// <summary>Remembers the chosen language in a cookie and goes back to the page.</summary>
    public static void MapCultureSwitch(this IEndpointRouteBuilder app) =>
        app.MapGet("/culture", (string? c, string? redirect, HttpContext ctx) =>
            {
                var culture = c is "en" ? "en" : "zh-CN";
                ctx.Response.Cookies.Append(
                    CookieRequestCultureProvider.DefaultCookieName,
                    CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                    new CookieOptions
                    {
                        Expires = DateTimeOffset.UtcNow.AddYears(1),
                        HttpOnly = true,
                        SameSite = SameSiteMode.Lax,
                        IsEssential = true,
                    }
                );
                var back =
                    Microsoft.AspNetCore.Http.HttpResults.RedirectHttpResult.IsLocalUrl(redirect) && !redirect!.Any(char.IsControl)
                        ? redirect
                        : "/";
                return Results.LocalRedirect(back);
            })
            .AllowAnonymous()
            .ExcludeFromDescription();
}
