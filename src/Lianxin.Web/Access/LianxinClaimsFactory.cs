using System.Security.Claims;
using Lianxin.Core.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lianxin.Web.Access;

/// <summary>Adds what pages need without a lookup: display name, unit, and whether a password change is due.
/// Permissions arrive as role claims ("perm"), added by the base factory.</summary>
public sealed class LianxinClaimsFactory(UserManager<LianxinUser> users, RoleManager<LianxinRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LianxinUser, LianxinRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LianxinUser user)
    {
        var id = await base.GenerateClaimsAsync(user);
        id.AddClaim(new Claim(LianxinClaims.DisplayName, string.IsNullOrEmpty(user.DisplayName) ? user.UserName ?? "" : user.DisplayName));
        if (user.OrgUnitId is { } unit)
            id.AddClaim(new Claim(LianxinClaims.OrgUnit, unit.ToString()));
        if (user.MustChangePassword)
            id.AddClaim(new Claim(LianxinClaims.MustChangePassword, "1"));
        return id;
    }
}
