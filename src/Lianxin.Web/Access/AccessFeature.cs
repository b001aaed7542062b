using Lianxin.Core.Access;
using Lianxin.Web.Components.Layout;
using Lianxin.Web.Localization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using MudBlazor;

namespace Lianxin.Web.Access;

/// <summary>Accounts and roles in the host: the current user, account and role administration, sign-in, menu
/// links and routes. Identity and the authentication schemes themselves are shared setup (<c>LianxinHost</c>).</summary>
public static class AccessFeature
{
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddFeatureText<AccessText>();
        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<CurrentUser>());
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddScoped<UserAdminService>();
        services.AddScoped<RoleAdminService>();
        services.AddScoped<SignInService>();
        services.AddSingleton<SessionRegistry>();
        services.AddSingleton<AccessCache>();
        services.AddSingleton<AccessChangeBus>();
        services.AddHostedService(sp => sp.GetRequiredService<AccessChangeBus>());
        services.AddSingleton<AccessChangeInterceptor>();
        services.AddScoped<UserSessions>();
        services.AddNavigation(
            new NavEntry("/admin/users", "NavUsers", Icons.Material.Filled.ManageAccounts, NavOrder.Users)
            {
                Permission = Permissions.UsersManage,
            },
            new NavEntry("/admin/roles", "NavRoles", Icons.Material.Filled.Security, NavOrder.Roles)
            {
                Permission = Permissions.RolesManage,
            }
        );
        return services;
    }

    public static RouteGroupBuilder MapAccess(this RouteGroupBuilder api)
    {
        api.MapAuthApi();
        api.MapUserApi();
        api.MapRoleApi();
        return api;
    }

    /// <summary>The sign-in, sign-out and password forms behind the account pages.</summary>
    public static IEndpointRouteBuilder MapAccessPages(this IEndpointRouteBuilder app)
    {
        app.MapAccountForms();
        return app;
    }
}
