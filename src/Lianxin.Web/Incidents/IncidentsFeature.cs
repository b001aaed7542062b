using Lianxin.Core.Access;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Cases;
using Lianxin.Core.Incidents.Import;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Core.Incidents.Statistics;
using Lianxin.Core.Notifications;
using Lianxin.Core.Work;
using Lianxin.Web.Components.Layout;
using Lianxin.Web.Localization;
using MudBlazor;

namespace Lianxin.Web.Incidents;

/// <summary>Incidents in the host: services, intake steps, settings, reminders, the import's recovery, menu links and routes.</summary>
public static class IncidentsFeature
{
    public static IServiceCollection AddIncidents(this IServiceCollection services, IConfiguration config)
    {
        services.AddFeatureText<IncidentsText>();
        services.AddScoped<IncidentPlacer>();
        services.AddScoped<IncidentService>();
        services.AddScoped<IncidentImportService>();
        services.AddOptions<IncidentImportOptions>().Bind(config.GetSection(IncidentImportOptions.Section));
        // Intake steps run in registration order: the tally, then the repeat check.
        services.AddScoped<IIncidentIntakeStep, IncidentTallyIntakeStep>();
        services.AddScoped<IncidentStatisticsService>();
        services
            .AddOptions<CaseOptions>()
            .Bind(config.GetSection(CaseOptions.Section))
            .Validate(
                o => !o.Problems().Any(),
                "治安案件时限（Incidents:CaseLimitDays 配置节）有误：Simple、General、Complex 须在 1 到 60 天之间且依次不减"
            )
            .ValidateOnStart();
        services.AddScoped<CaseService>();
        services.AddScoped<IReminderSource, CaseReminders>();
        services.AddScoped<IWorkItemSource, CaseWorkItems>();
        services.AddScoped<IWorkItemSource, RepeatWorkItems>();
        // Repeated incidents, focus list, directives, look-backs
        services
            .AddOptions<RepeatOptions>()
            .Bind(config.GetSection(RepeatOptions.Section))
            .Validate(
                o => !o.Problems().Any(),
                "重复警情规则（Incidents 配置节）有误：RepeatMinCount 须在 2–20、RepeatWindowDays 须在 1–365 之间"
            )
            .ValidateOnStart();
        services.AddScoped<IIncidentIntakeStep, RepeatCheck>();
        services.AddScoped<RepeatService>();
        services.AddScoped<LookBackService>();
        services.AddScoped<DirectiveService>();
        services.AddScoped<IReminderSource, LookBackReminders>();
        services.AddScoped<IReminderSource, RepeatWeeklyDigest>();
        services.AddHostedService<IncidentImportRecovery>();

        const string read = Permissions.IncidentsRead;
        services.AddNavigation(
            new NavEntry("/incidents", "IncidentLedger_Nav", Icons.Material.Filled.LocalPolice, NavOrder.Incidents) { Permission = read },
            new NavEntry("/incidents/statistics", "Incidents.Stats.Nav", Icons.Material.Filled.QueryStats, NavOrder.Incidents + 1)
            {
                Permission = read,
            },
            new NavEntry("/incidents/cases", "Incidents.Cases.Nav", Icons.Material.Filled.Timer, NavOrder.Incidents + 2)
            {
                Permission = read,
            },
            new NavEntry("/incidents/import", "Incidents_Import_Nav", Icons.Material.Filled.UploadFile, NavOrder.IncidentImport)
            {
                Permission = Permissions.IncidentsRegister,
            }
        );
        services.AddNavigation(
            new NavGroup("incident-repeats", "IncRepeat_Nav_Group", Icons.Material.Filled.Insights, NavOrder.Incidents + 3)
            {
                Permission = read,
            },
            new NavEntry("/incidents/clusters", "IncRepeat_Nav_Clusters", Icons.Material.Filled.Repeat, 1) { Permission = read },
            new NavEntry("/incidents/focus", "IncRepeat_Nav_Focus", Icons.Material.Filled.Flag, 2) { Permission = read },
            new NavEntry("/incidents/directives", "IncRepeat_Nav_Directives", Icons.Material.Filled.CompareArrows, 3) { Permission = read },
            new NavEntry("/incidents/lookbacks", "IncRepeat_Nav_LookBacks", Icons.Material.Filled.History, 4) { Permission = read }
        );
        return services;
    }

    public static RouteGroupBuilder MapIncidents(this RouteGroupBuilder api)
    {
        api.MapIncidentApi();
        api.MapIncidentImportApi();
        api.MapIncidentStatisticsApi();
        api.MapCaseApi();
        api.MapRepeatApi();
        return api;
    }
}
