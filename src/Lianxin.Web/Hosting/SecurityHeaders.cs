namespace Lianxin.Web.Hosting;

public static class SecurityHeaders
{
    /// <summary>Headers every response carries: no framing, no sniffing, no referrer leak, and a CSP
    /// that allows only the app's own scripts (charts and maps are shipped with it). Map tiles may come
    /// from the configured tile server.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var config = app.ApplicationServices.GetRequiredService<IConfiguration>();
        var tiles =
            config["Map:TileUrl"] is { Length: > 0 } url
            && Uri.TryCreate(url.Replace("{", "").Replace("}", ""), UriKind.Absolute, out var u)
                ? $" {u.Scheme}://{u.Authority}"
                : "";
        var csp =
            "default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
            + $"img-src 'self' data: blob:{tiles}; connect-src 'self' ws: wss:; font-src 'self' data:; "
            + "frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
        return app.Use(
            async (ctx, next) =>
            {
                var h = ctx.Response.Headers;
                h["X-Content-Type-Options"] = "nosniff";
                h["X-Frame-Options"] = "DENY";
                h["Referrer-Policy"] = "no-referrer";
                if (!ctx.Request.Path.StartsWithSegments("/api/docs"))
                    h["Content-Security-Policy"] = csp;
                await next();
            }
        );
    }
}
