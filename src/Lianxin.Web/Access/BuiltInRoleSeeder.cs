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
            var role = await roles.FindByNameAsync(def.Name);
            if (role is null)
            {
                role = new LianxinRole(def.Name)
                {
                    DisplayName = def.DisplayName,
                    Scope = def.Scope,
                    IsBuiltIn = true,
                };
                Check(await roles.CreateAsync(role));
            }
            // Defaults of features this role has not been seeded with yet (a new feature in this version).
            // A right given to the role later is seeded under its own name, so a station whose role already has the
            // feature still gets it once.
            var features = def
                .Permissions.GroupBy(p => def.AddedLater?.Contains(p) == true ? p : Feature(p))
                .Where(g => !role.SeededFeatures.Contains(g.Key))
                .ToList();
            if (features.Count == 0)
                continue;
            var held = (await roles.GetClaimsAsync(role)).Where(c => c.Type == Permissions.ClaimType).Select(c => c.Value).ToHashSet();
            foreach (var p in features.SelectMany(g => g).Where(p => !held.Contains(p)))
                Check(await roles.AddClaimAsync(role, new Claim(Permissions.ClaimType, p)));
            role.SeededFeatures = [.. role.SeededFeatures, .. features.Select(g => g.Key)];
            Check(await roles.UpdateAsync(role));
        }
    }

    private static string Feature(string permission) => permission.Split('.')[0];

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded)
            throw new InvalidOperationException(string.Join("; ", r.Errors.Select(e => e.Description)));
    }
}
