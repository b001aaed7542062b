namespace Lianxin.Web.Hosting;

public static class SecurityHeaders
{
    public const string Permissions =
        "accelerometer=(), autoplay=(), camera=(self), display-capture=(), geolocation=(self), gyroscope=(), "
        + "magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), usb=(), xr-spatial-tracking=()";

    /// <summary>Headers every response carries: no framing, no sniffing, no referrer leak, no opener or
    /// cross-origin embedding of our responses, no powerful browser features beyond the location and camera the
    /// phone pages use, and a CSP that allows only the app's own scripts (charts and maps are shipped with it;
    /// no eval: neither Blazor Server, MudBlazor nor ECharts needs it) and connections only to its own origin
    /// (the circuit's WebSocket included). Map tiles may come from the configured tile server.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var config = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var tiles =
            config["Map:TileUrl"] is { Length: > 0 } url
            && Uri.TryCreate(url.Replace("{", "").Replace("}", ""), UriKind.Absolute, out var u)
                ? $" {u.Scheme}://{u.Authority}"
                : "";
        var csp =
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + $"img-src 'self' data: blob:{tiles}; connect-src 'self'; font-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        return app.Use(
            async (ctx, next) =>
            {
                var h = ctx.Response.Headers;
                h["X-Content-Type-Options"] = "nosniff";
                h["X-Frame-Options"] = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                h["Permissions-Policy"] = Permissions;
                h["Cross-Origin-Opener-Policy"] = "same-origin";
                h["Cross-Origin-Resource-Policy"] = "same-origin";
                if (!ctx.Request.Path.StartsWithSegments("/api/docs"))
                    h["Content-Security-Policy"] = csp;
                await next();
            }
        );
    }
}
