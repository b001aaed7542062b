using Lianxin.Core.Data;
using Lianxin.Web.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Access;

/// <summary>Bearer tokens carry the claims of the moment they were issued. Each API call checks that the
/// account still exists, is not disabled, that its rights have not changed since (security stamp) and that
/// the token's session has not ended (sign-out, password change), so each of these takes effect at once,
/// not at token expiry.</summary>
public sealed class BearerRevalidation(RequestDelegate next)
{
    public async Task InvokeAsync(
        HttpContext ctx,
        AccessCache access,
        LianxinDbContext db,
        UserSessions sessions,
        IOptions<IdentityOptions> identity,
        SecurityOptions security,
        TimeProvider time
    )
    {
        if (
            ctx.User.Identity?.IsAuthenticated == true
            && ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
            && !await RevalidatingAuthState.StillValidAsync(
                access,
                db,
                sessions,
                ctx.User,
                identity.Value,
                security,
                time.GetUtcNow(),
                ctx.RequestAborted
            )
        )
        {
            await sessions.AuditRefusalAsync(ctx.User, "接口令牌", ctx.RequestAborted);
            await Results
                .Problem(
                    title: "登录已失效，请重新登录",
                    detail: "已退出登录、密码已修改、账号已停用、权限已变更或会话已到期。",
                    statusCode: StatusCodes.Status401Unauthorized
                )
                .ExecuteAsync(ctx);
            return;
        }
        await next(ctx);
    }
}
