using System.Threading.RateLimiting;
using Lianxin.Core.Access;
using Lianxin.Core.Disputes;
using Lianxin.Core.Disputes.Figures;
using Lianxin.Core.Notifications;
using Lianxin.Core.Work;
using Lianxin.Web.Components.Layout;
using Lianxin.Web.Hosting;
using Lianxin.Web.Localization;
using Microsoft.AspNetCore.RateLimiting;
using MudBlazor;

namespace Lianxin.Web.Disputes;

/// <summary>Disputes in the host: services, settings, reminders, the referral links' rate limit, menu links and routes.</summary>
public static class DisputesFeature
{
    public static IServiceCollection AddDisputes(this IServiceCollection services, IConfiguration config)
    {
        services.AddFeatureText<DisputesText>();
        services.AddScoped<DisputeService>();
        services
            .AddOptions<DisputeOptions>()
            .Bind(config.GetSection(DisputeOptions.Section))
            .Validate(o => !o.Problems().Any(), "纠纷设置（Disputes 配置节）有误：检查 FollowUpDays、MediationMonths、NearingDays 等取值")
            .ValidateOnStart();
        services.AddScoped<IReminderSource, DisputeReminders>();
        services.AddScoped<IWorkItemSource, DisputeWorkItems>();
        services.AddScoped<DisputeAttachmentService>();
        services.AddScoped<DisputePrintService>();
        services.AddScoped<MediationSessionService>();
        services.AddScoped<CounsellingService>();
        services.AddScoped<DisputeForceService>();
        services.AddScoped<MediationSessionReminders>();
        services.AddScoped<IReminderSource>(sp => sp.GetRequiredService<MediationSessionReminders>());
        services.AddScoped<AgreementService>();
        services.AddScoped<AgreementReminders>();
        services.AddScoped<IReminderSource>(sp => sp.GetRequiredService<AgreementReminders>());
        services.AddScoped<ReferralService>();
        services.AddScoped<ReferralReminders>();
        services.AddScoped<IReminderSource>(sp => sp.GetRequiredService<ReferralReminders>());
        services.AddScoped<DisputeFigureService>();

        // A per-address ceiling on the referral receivers' links, which need no account.
        services
            .AddOptions<RateLimiterOptions>()
            .Configure<SecurityOptions>(
                (o, security) =>
                    o.AddPolicy(ReferralEndpoints.RateLimit, ctx =>
                        RateLimitPartition.GetFixedWindowLimiter(
                            ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                            _ => new FixedWindowRateLimiterOptions
                            {
                                PermitLimit = security.ReferralLinkRequestsPerMinute,
                                Window = TimeSpan.FromMinutes(1),
                                QueueLimit = 0,
                            }
                        )
                    )
            );

        services.AddNavigation(
            new NavEntry("/disputes", "NavDisputes", Icons.Material.Filled.Handshake, NavOrder.Disputes)
            {
                Permission = Permissions.DisputesRead,
            },
            new NavEntry("/disputes/figures", "NavDisputeFigures", Icons.Material.Filled.BarChart, NavOrder.Disputes + 1)
            {
                Permission = Permissions.DisputesRead,
            },
            // The mediation forces are kept beside the dictionaries, by those who keep them.
            new NavEntry("/disputes/forces", "Sessions_Forces_Nav", Icons.Material.Filled.Groups, NavOrder.Dictionaries + 1)
            {
                Permission = Permissions.DictionariesManage,
            }
        );
        return services;
    }

    public static RouteGroupBuilder MapDisputes(this RouteGroupBuilder api)
    {
        api.MapDisputeApi();
        api.MapMediationSessionApi();
        api.MapAgreementApi();
        api.MapReferralApi();
        return api;
    }

    /// <summary>The referral receivers' pages (<c>/r/{token}</c>): outside the API, without an account.</summary>
    public static IEndpointRouteBuilder MapDisputePages(this IEndpointRouteBuilder app)
    {
        app.MapReferralPages();
        return app;
    }
}
