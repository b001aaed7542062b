using Lianxin.Web.Access;

namespace Lianxin.Web.Api;

/// <summary>Refuses a state-changing API request that a browser sent from another site. Such a request carries
/// the staff cookie without the user's intent (a hidden form posting a file to the import, a link that marks
/// everything read), and JSON content types do not stop multipart or bodyless posts. A browser says where a
/// request comes from: <c>Sec-Fetch-Site</c> (same-origin or none passes), else <c>Origin</c> (the app's own
/// scheme and host passes). A request with neither is not from a page, so no cookie can be abused by it; a
/// request with an <c>Authorization</c> header does not use the cookie and is left alone.</summary>
public sealed class CrossSiteGuard(RequestDelegate next, RefusalAudit refusals, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext ctx)
    {
        var r = ctx.Request;
        if (
            r.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase)
            && !(HttpMethods.IsGet(r.Method) || HttpMethods.IsHead(r.Method) || HttpMethods.IsOptions(r.Method))
            && !r.Headers.ContainsKey("Authorization")
            && IsCrossSite(r)
        )
        {
            await refusals.RecordAsync(ctx.User, ctx.Connection.RemoteIpAddress?.ToString(), RefusalAudit.Target(ctx), "跨站请求被拒绝");
            ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(
                new ProblemDetailsContext
                {
                    HttpContext = ctx,
                    ProblemDetails = new Microsoft.AspNetCore.Mvc.ProblemDetails
                    {
                        Status = StatusCodes.Status403Forbidden,
                        Title = "跨站请求被拒绝",
                        Detail = "该操作只能在本系统的页面上进行。",
                    },
                }
            );
            return;
        }
        await next(ctx);
    }

    /// <summary>Whether a browser says the request came from a page of another origin.</summary>
    public static bool IsCrossSite(HttpRequest r)
    {
        var site = r.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
            return !site.Equals("same-origin", StringComparison.OrdinalIgnoreCase)
                && !site.Equals("none", StringComparison.OrdinalIgnoreCase);
        var origin = r.Headers.Origin.ToString();
        if (origin.Length == 0)
            return false;
        return !Uri.TryCreate(origin, UriKind.Absolute, out var o)
            || !string.Equals(o.Scheme, r.Scheme, StringComparison.OrdinalIgnoreCase)
            || !string.Equals(o.Authority, r.Host.Value, StringComparison.OrdinalIgnoreCase);
    }
}
