namespace Lianxin.Web.Access;

/// <summary>An account whose password must change (first sign-in of a seeded account, or expired under
/// the MLPS profile) can do nothing else until it has.</summary>
public sealed class PasswordChangeGate(RequestDelegate next)
{
    private static readonly string[] Allowed =
    [
        "/account/change-password",
        "/account/logout",
        "/account/login",
        "/api/v1/auth/change-password",
        "/api/v1/auth/me",
        "/api/v1/auth/sign-out",
        "/_framework",
        "/_content",
        "/_blazor",
        "/css",
        "/js",
        "/lib",
        "/favicon",
        "/health",
        "/m/change-password",
        "/m/logout",
    ];

    public async Task InvokeAsync(HttpContext ctx)
    {
        if (
            ctx.User.Identity?.IsAuthenticated == true
            && ctx.User.HasClaim(LianxinClaims.MustChangePassword, "1")
            && !Allowed.Any(a => ctx.Request.Path.StartsWithSegments(a))
            && !Path.HasExtension(ctx.Request.Path.Value)
        )
        {
            if (ctx.Request.Path.StartsWithSegments("/api"))
            {
                ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                await Results
                    .Problem(
                        title: "须先修改初始密码",
                        detail: "首次登录或密码已过期，请先修改密码后再使用。",
                        statusCode: 403,
                        type: "https://lianxin.local/problems/password-change-required"
                    )
                    .ExecuteAsync(ctx);
                return;
            }
            var mobile = ctx.Request.Path.StartsWithSegments("/m");
            ctx.Response.Redirect(mobile ? "/m/change-password" : "/account/change-password");
            return;
        }
        await next(ctx);
    }
}
