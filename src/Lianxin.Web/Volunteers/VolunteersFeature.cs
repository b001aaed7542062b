using Lianxin.Core.Access;
using Lianxin.Core.Notifications;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Activities;
using Lianxin.Core.Volunteers.Feed;
using Lianxin.Core.Volunteers.Figures;
using Lianxin.Core.Volunteers.Honours;
using Lianxin.Core.Volunteers.Tips;
using Lianxin.Core.Work;
using Lianxin.Web.Components.Layout;
using Lianxin.Web.Localization;
using MudBlazor;

namespace Lianxin.Web.Volunteers;

/// <summary>Volunteers in the host: registry, squads, activities, feed, tips, trainings and honours — services,
/// settings (sections under <c>Volunteers</c>), reminders, menu links and routes.</summary>
public static class VolunteersFeature
{
    public static IServiceCollection AddVolunteers(this IServiceCollection services, IConfiguration config)
    {
        services.AddFeatureText<VolunteersText>();
        services.AddScoped<PhotoStore>();
        services.AddScoped<VolunteerService>();
        services.AddScoped<SquadService>();
        services.AddScoped<FeedService>();
        services.AddScoped<TipService>();
        services.AddScoped<IWorkItemSource, VolunteerWorkItems>();
        services.AddSingleton<TipLookupLimiter>();
        services
            .AddOptions<TipOptions>()
            .Bind(config.GetSection(TipOptions.Section))
            .Validate(
                o => !o.Problems().Any(),
                "线索设置（Volunteers:Tips 配置节）有误：PointsPerTip、LookupFailuresPerWindow、LookupWindowMinutes 取值越界"
            )
            .ValidateOnStart();
        services.AddScoped<ActivityService>();
        services.AddScoped<VolunteerActivityService>();
        services.AddScoped<ActivityReportService>();
        services
            .AddOptions<ActivityOptions>()
            .Bind(config.GetSection(ActivityOptions.Section))
            .Validate(
                o => !o.Problems().Any(),
                "义警活动设置（Volunteers:Activities 配置节）有误：检查 CheckWindowMinutes、CheckDistanceMeters 等取值"
            )
            .ValidateOnStart();
        services
            .AddOptions<PointsOptions>()
            .Bind(config.GetSection(PointsOptions.Section))
            .Validate(o => !o.Problems().Any(), "义警积分规则（Volunteers:Points 配置节）有误：每小时积分和奖励积分须为非负且不过大")
            .ValidateOnStart();
        services.AddScoped<IReminderSource, ActivityReminders>();
        services.AddScoped<TrainingService>();
        services.AddScoped<HonourService>();
        services.AddScoped<VolunteerFigureService>();
        services
            .AddOptions<ActiveVolunteerRule>()
            .Bind(config.GetSection(ActiveVolunteerRule.Section))
            .Validate(
                o => !o.Problems().Any(),
                "活跃义警口径（Volunteers:Active 配置节）有误：MinHoursPerMonth 须大于 0 且不超过 200，Months 须在 1 到 36 之间"
            )
            .ValidateOnStart();

        const string read = Permissions.VolunteersRead;
        services.AddNavigation(
            new NavGroup("volunteers", "Vol.Reg.NavGroup", Icons.Material.Filled.VolunteerActivism, NavOrder.Volunteers)
            {
                Permission = read,
            },
            new NavEntry("/volunteers", "Vol.Reg.NavRegistry", Icons.Material.Filled.People, 1) { Permission = read, MatchAll = true },
            new NavEntry("/volunteers/squads", "Vol.Reg.NavSquads", Icons.Material.Filled.Groups, 2) { Permission = read },
            new NavEntry("/volunteers/activities", "Vol.Act.Nav", Icons.Material.Filled.Event, 3) { Permission = read },
            new NavEntry("/volunteers/feed", "Vol.Feed.Nav", Icons.Material.Filled.Forum, 4) { Permission = read },
            // Inside the volunteers' fold, and only for those who act on tips.
            new NavEntry("/volunteers/tips", "Vol.Tip.Nav", Icons.Material.Filled.TipsAndUpdates, 5)
            {
                Permission = Permissions.TipsHandle,
            },
            new NavEntry("/volunteers/trainings", "Vol.Hon.Nav.Trainings", Icons.Material.Filled.School, 6) { Permission = read },
            new NavEntry("/volunteers/ranking", "Vol.Hon.Nav.Ranking", Icons.Material.Filled.EmojiEvents, 7) { Permission = read },
            new NavEntry("/volunteers/figures", "Vol.Hon.Nav.Figures", Icons.Material.Filled.BarChart, 8) { Permission = read }
        );
        return services;
    }

    public static RouteGroupBuilder MapVolunteers(this RouteGroupBuilder api)
    {
        api.MapActivityApi();
        api.MapVolunteerApi();
        api.MapFeedApi();
        api.MapTipApi();
        api.MapHonourApi();
        return api;
    }
}
