using System.Globalization;
using System.Security.Claims;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Data;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Access;

/// <summary>Bearer tokens for API clients (mobile app, 110 system, anti-fraud centre), and who-am-I.</summary>
public static class AuthEndpoints
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/auth").WithTags("认证").ProducesSignInProblems();
        g.MapPost("/token", Token)
            .AllowAnonymous()
            .RequireRateLimiting(Hosting.LianxinHost.SignInRateLimit)
            .WithName("IssueToken")
            .ProducesInputProblems()
            .ProducesRateLimitProblems()
            .Produces<Microsoft.AspNetCore.Authentication.BearerToken.AccessTokenResponse>()
            .WithSummary("用用户名和密码换取访问令牌（Bearer）")
            .WithDescription(
                "连续 5 次密码错误将锁定账号 15 分钟（锁定期间的回答与密码错误相同）。返回 accessToken、expiresIn 和 refreshToken。"
            );
        g.MapPost("/refresh", Refresh)
            .AllowAnonymous()
            .RequireRateLimiting(Hosting.LianxinHost.SignInRateLimit)
            .WithName("RefreshToken")
            .ProducesInputProblems()
            .ProducesRateLimitProblems()
            .Produces<AccessTokenResponse>()
            .WithSummary("用刷新令牌换取新的访问令牌和刷新令牌")
            .WithDescription(
                "每个刷新令牌只能用一次，换来的新刷新令牌取代它；已用过的刷新令牌再次出现，视为被盗用，整个会话随即结束。"
                    + "退出登录、修改或重置密码、停用账号后，刷新令牌同样失效。会话自登录起最长 12 小时。"
            );
        g.MapPost("/sign-out", SignOut)
            .WithName("SignOut")
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("退出登录：结束本次会话，其访问令牌和刷新令牌随即失效");
        g.MapPost("/change-password", ChangePassword)
            .AllowAnonymous()
            .RequireRateLimiting(Hosting.LianxinHost.SignInRateLimit)
            .WithName("ChangePassword")
            .ProducesInputProblems()
            .ProducesRateLimitProblems()
            .Produces(StatusCodes.Status204NoContent)
            .WithSummary("修改密码（验证原密码）；首次登录的账号须先调用它");
        g.MapGet("/me", Me).WithName("Me").WithSummary("当前用户、角色和权限");
    }

    private static async Task<IResult> Token(TokenRequest body, SignInService signIn)
    {
        var outcome = await signIn.SignInAsync(body.UserName, body.Password, IdentityConstants.BearerScheme);
        if (outcome.Succeeded)
            return Results.Empty; // the bearer handler has written the token response
        return ApiProblems.Status(outcome.MustChangePassword ? 403 : 401, outcome.Error ?? "登录失败");
    }

    private static async Task<IResult> ChangePassword(ChangePasswordRequest body, UserManager<LianxinUser> users, SignInService signIn)
    {
        var name = body.UserName?.Trim() ?? "";
        var user = name.Length is 0 or > 64 ? null : await users.FindByNameAsync(name);
        // Unknown, disabled and locked accounts get the answer a wrong password gets, so none can be told apart.
        if (user is null || user.IsDisabled || await users.IsLockedOutAsync(user))
        {
            await signIn.RefusePasswordChangeAsync(user, name, body.CurrentPassword);
            return ApiProblems.Status(401, SignInService.BadCredentials);
        }
        var errors = await signIn.ChangePasswordAsync(user, body.CurrentPassword, body.NewPassword, null);
        if (errors.Count == 0)
            return Results.NoContent();
        if (errors.Contains(new ChineseIdentityErrors().PasswordMismatch().Description))
        {
            await users.AccessFailedAsync(user);
            await signIn.RecordFailedPasswordChangeAsync(user);
            return ApiProblems.Status(401, SignInService.BadCredentials);
        }
        return ApiProblems.Validation("newPassword", errors);
    }

    /// <summary>Rotation with reuse detection: the refresh token names its session and generation; only the
    /// session's current generation is accepted, and moving it on is one conditional update, so a token is
    /// good exactly once. An earlier generation coming back ends the session.</summary>
    private static async Task<IResult> Refresh(
        RefreshRequest body,
        IOptionsMonitor<BearerTokenOptions> bearer,
        SignInManager<LianxinUser> signInManager,
        UserSessions sessions,
        SignInService signIn,
        LianxinDbContext db,
        TimeProvider time
    )
    {
        const string expired = "登录已失效，请重新登录";
        var ticket =
            string.IsNullOrEmpty(body.RefreshToken) || body.RefreshToken.Length > 8192
                ? null
                : bearer.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= time.GetUtcNow())
            return ApiProblems.Status(401, expired);
        var principal = ticket.Principal;
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var user = await signInManager.ValidateSecurityStampAsync(principal);
        if (
            user is null
            || user.IsDisabled
            || UserSessions.IdOf(principal) is not { } session
            || !int.TryParse(principal.FindFirstValue(LianxinClaims.RefreshGeneration), CultureInfo.InvariantCulture, out var generation)
        )
        {
            db.Audit(
                AuditAction.SessionRefused,
                nameof(LianxinUser),
                userId,
                "刷新令牌已失效（账号停用或密码、权限已变更），已拒绝",
                userId
            );
            await db.SaveChangesAsync();
            return ApiProblems.Status(401, expired);
        }
        switch (await sessions.RotateAsync(session, user.Id, generation))
        {
            case RefreshOutcome.Reused:
                db.Audit(
                    AuditAction.SessionsEnded,
                    nameof(LianxinUser),
                    user.Id,
                    "已用过的刷新令牌再次出现，疑被盗用，该会话已结束",
                    user.Id,
                    user.UserName
                );
                await db.SaveChangesAsync();
                return ApiProblems.Status(401, expired);
            case RefreshOutcome.Ended:
                await sessions.AuditRefusalAsync(principal, "刷新令牌");
                return ApiProblems.Status(401, expired);
        }
        if (user.MustChangePassword)
            return ApiProblems.Status(403, "须先修改初始密码（或密码已过期）后才能获取令牌");
        await signIn.IssueRefreshedTokenAsync(user, principal, generation + 1);
        return Results.Empty; // the bearer handler has written the token response
    }

    private static async Task<NoContent> SignOut(HttpContext ctx, SignInService signIn)
    {
        var bearer = ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        await signIn.SignOutAsync(ctx.User, cookie: !bearer);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> Me(ClaimsPrincipal principal, UserManager<LianxinUser> users)
    {
        var user = await users.GetUserAsync(principal);
        var roles = user is null ? [] : await users.GetRolesAsync(user);
        return TypedResults.Ok(
            new MeResponse(
                user?.Id ?? "",
                user?.UserName ?? "",
                user?.DisplayName ?? "",
                user?.OrgUnitId,
                roles.ToList(),
                principal.FindAll(Permissions.ClaimType).Select(c => c.Value).Distinct().ToList(),
                user?.MustChangePassword ?? false
            )
        );
    }
}
