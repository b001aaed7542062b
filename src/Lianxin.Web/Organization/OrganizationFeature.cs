using Lianxin.Core.Access;
using Lianxin.Core.Organization;
using Lianxin.Core.Work;
using Lianxin.Web.Components.Layout;
using Lianxin.Web.Localization;
using MudBlazor;

namespace Lianxin.Web.Organization;

/// <summary>The place tree, members and residents in the host, with the home page's figures: services, menu links and routes.</summary>
public static class OrganizationFeature
{
    public static IServiceCollection AddOrganization(this IServiceCollection services)
    {
        services.AddFeatureText<OrganizationText>();
        services.AddScoped<OrgUnitService>();
        services.AddScoped<HomeStatsService>();
        services.AddScoped<WorkService>();
        services.AddScoped<MemberService>();
        services.AddScoped<ResidentService>();
        services.AddNavigation(
            new NavEntry("/", "NavHome", Icons.Material.Filled.Home, NavOrder.Home) { MatchAll = true },
            new NavEntry("/places", "NavPlaces", Icons.Material.Filled.AccountTree, NavOrder.Places)
            {
                Permission = Permissions.PlacesRead,
            },
            new NavEntry("/members", "NavMembers", Icons.Material.Filled.Badge, NavOrder.Members) { Permission = Permissions.MembersRead },
            new NavEntry("/residents", "NavResidents", Icons.Material.Filled.People, NavOrder.Residents)
            {
                Permission = Permissions.PeopleRead,
            }
        );
        return services;
    }

    public static RouteGroupBuilder MapOrganization(this RouteGroupBuilder api)
    {
        api.MapOrgUnitApi();
        api.MapMemberApi();
        api.MapResidentApi();
        api.MapWorkApi();
        return api;
    }
}
