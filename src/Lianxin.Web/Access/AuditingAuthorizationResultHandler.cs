using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;

namespace Lianxin.Web.Access;

/// <summary>The framework's answer to a failed policy (401 or 403, a redirect for pages), with a 403 to a
/// signed-in user audited first, naming the permission that was missing.</summary>
public sealed class AuditingAuthorizationResultHandler(RefusalAudit refusals) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _inner = new();

    public async Task HandleAsync(
        RequestDelegate next,
        HttpContext context,
        AuthorizationPolicy policy,
        PolicyAuthorizationResult authorizeResult
    )
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true)
        {
            var missing = authorizeResult
                .AuthorizationFailure?.FailedRequirements.OfType<ClaimsAuthorizationRequirement>()
                .SelectMany(r => r.AllowedValues ?? [])
                .ToList();
            var reason = missing is { Count: > 0 } ? $"缺少权限：{string.Join("、", missing)}" : "没有权限";
            await refusals.RecordAsync(
                context.User,
                context.Connection.RemoteIpAddress?.ToString(),
                RefusalAudit.Target(context),
                reason,
                context.RequestAborted
            );
        }
        await _inner.HandleAsync(next, context, policy, authorizeResult);
    }
}
