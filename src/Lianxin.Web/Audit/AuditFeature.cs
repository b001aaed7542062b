using Lianxin.Core.Access;
using Lianxin.Web.Components.Layout;
using Lianxin.Web.Localization;
using MudBlazor;

namespace Lianxin.Web.Audit;

/// <summary>Reading the audit log in the host: service, retention settings, menu link and routes. (Writing it is the
/// database context's, in every save.)</summary>
public static class AuditFeature
{
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration config)
    {
        services.AddFeatureText<AuditText>();
        services.AddScoped<AuditQueryService>();
        services.AddOptions<AuditOptions>().Bind(config.GetSection("Audit"));
        services.AddNavigation(
            new NavEntry("/audit", "NavAudit", Icons.Material.Filled.FactCheck, NavOrder.Audit) { Permission = Permissions.AuditRead }
        );
        return services;
    }

    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        api.MapAuditApi();
        return api;
    }
}
