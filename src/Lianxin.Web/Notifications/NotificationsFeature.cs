using Lianxin.Core.Notifications;
using Lianxin.Web.Components.Layout;
using Lianxin.Web.Localization;
using MudBlazor;

namespace Lianxin.Web.Notifications;

/// <summary>The inbox, its live hint over SignalR and the outbox's delivery in the host: services, menu link and routes.</summary>
public static class NotificationsFeature
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.AddFeatureText<NotificationsText>();
        services.AddScoped<NotificationService>();
        services.AddScoped<InboxSignal>();
        services.AddSingleton<INotificationPusher, SignalRNotificationPusher>();
        services.AddOptions<OutboxOptions>().Bind(config.GetSection("Outbox"));
        services.AddHttpClient(WebhookChannel.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<IOutboxChannel, WebhookChannel>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddSingleton<HubConnections>();
        services.AddSingleton<HubSessionSweep>();
        services.AddHostedService(sp => sp.GetRequiredService<HubSessionSweep>());
        services.AddNavigation(new NavEntry("/notifications", "NavInbox", Icons.Material.Filled.Notifications, NavOrder.Notifications));
        return services;
    }

    public static RouteGroupBuilder MapNotifications(this RouteGroupBuilder api)
    {
        api.MapNotificationApi();
        return api;
    }

    /// <summary>The hub that pushes "look at your inbox" hints; signed-in users only.</summary>
    public static IEndpointRouteBuilder MapNotificationHub(this IEndpointRouteBuilder app)
    {
        app.MapHub<NotificationHub>("/hubs/notifications").RequireAuthorization();
        return app;
    }
}
