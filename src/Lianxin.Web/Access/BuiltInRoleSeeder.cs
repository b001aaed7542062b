using System.Security.Claims;
using Lianxin.Core.Access;
using Microsoft.AspNetCore.Identity;

namespace Lianxin.Web.Access;

/// <summary>Creates the built-in roles with their default permissions when missing. A role a station
/// has already edited is left as it is.</summary>
public static class BuiltInRoleSeeder
{
    public static async Task EnsureAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var roles = services.GetRequiredService<RoleManager<LianxinRole>>();
        foreach (var def in BuiltInRoles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (await roles.FindByNameAsync(def.Name) is not null) continue;
            var role = new LianxinRole(def.Name) { DisplayName = def.DisplayName, Scope = def.Scope, IsBuiltIn = true };
            Check(await roles.CreateAsync(role));
            foreach (var p in def.Permissions)
                Check(await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, p)));
        }
    }

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
