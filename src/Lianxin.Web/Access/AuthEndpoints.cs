using System.Security.Claims;
using Lianxin.Core.Access;
using Lianxin.Web.Api;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

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
            .WithDescription("连续 5 次密码错误将锁定账号 15 分钟。返回 accessToken、expiresIn 和 refreshToken。");
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
        var user = string.IsNullOrWhiteSpace(body.UserName) ? null : await users.FindByNameAsync(body.UserName.Trim());
        if (user is null || user.IsDisabled)
            return ApiProblems.Status(401, "用户名或密码错误");
        if (await users.IsLockedOutAsync(user))
            return ApiProblems.Status(401, "账号已锁定，请稍后再试");
        var errors = await signIn.ChangePasswordAsync(user, body.CurrentPassword, body.NewPassword, null);
        if (errors.Count == 0)
            return Results.NoContent();
        if (errors.Contains(new ChineseIdentityErrors().PasswordMismatch().Description))
        {
            await users.AccessFailedAsync(user);
            await signIn.RecordFailedPasswordChangeAsync(user);
            return ApiProblems.Status(401, "用户名或密码错误");
        }
        return ApiProblems.Validation("newPassword", errors);
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
