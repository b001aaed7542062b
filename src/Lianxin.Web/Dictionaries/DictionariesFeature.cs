using Lianxin.Core.Access;
using Lianxin.Core.Dictionaries;
using Lianxin.Web.Components.Layout;
using Lianxin.Web.Localization;
using MudBlazor;

namespace Lianxin.Web.Dictionaries;

/// <summary>The code lists (dictionaries) in the host: service, menu link and routes.</summary>
public static class DictionariesFeature
{
    public static IServiceCollection AddDictionaries(this IServiceCollection services)
    {
        services.AddFeatureText<DictionariesText>();
        services.AddScoped<DictionaryService>();
        services.AddNavigation(
            new NavEntry("/dictionaries", "NavDictionaries", Icons.Material.Filled.List, NavOrder.Dictionaries)
            {
                Permission = Permissions.DictionariesManage,
            }
        );
        return services;
    }

    public static RouteGroupBuilder MapDictionaries(this RouteGroupBuilder api)
    {
        api.MapDictionaryApi();
        return api;
    }
}
