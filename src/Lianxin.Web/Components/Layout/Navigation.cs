namespace Lianxin.Web.Components.Layout;

/// <summary>How a feature puts its links into the side menu (<see cref="NavMenu"/> draws what is registered).</summary>
public static class Navigation
{
    public static IServiceCollection AddNavigation(this IServiceCollection services, params NavEntry[] entries)
    {
        foreach (var e in entries)
            services.AddSingleton(e);
        return services;
    }

    public static IServiceCollection AddNavigation(this IServiceCollection services, NavGroup group, params NavEntry[] entries)
    {
        services.AddSingleton(group);
        foreach (var e in entries)
            services.AddSingleton(e with { Group = group.Id });
        return services;
    }
}
