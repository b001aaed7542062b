using Lianxin.Core.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Access;

/// <summary>Makes "perm:people.reveal" a policy that requires that permission claim, so endpoints and
/// pages name permissions directly instead of registering a policy for each.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    private const string Prefix = "perm:";

    public static string PolicyFor(string permission) => Prefix + permission;

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(Prefix, StringComparison.Ordinal))
            return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .RequireClaim(Permissions.ClaimType, policyName[Prefix.Length..])
            .Build();
    }
}
