using Lianxin.Core.Notifications;
using Lianxin.Core.Volunteers.Activities;

namespace Lianxin.Web.Volunteers;

public static class ActivityHosting
{
    /// <summary>Activity services, their settings (sections <c>Volunteers:Activities</c> and <c>Volunteers:Points</c>) and reminders.</summary>
    public static void AddVolunteerActivities(IServiceCollection services, IConfiguration config)
    {
        services.AddScoped<ActivityService>();
        services.AddScoped<VolunteerActivityService>();
        services.AddScoped<ActivityReportService>();
        services.AddOptions<ActivityOptions>().Bind(config.GetSection(ActivityOptions.Section))
            .Validate(o => !o.Problems().Any(), "义警活动设置（Volunteers:Activities 配置节）有误：检查 CheckWindowMinutes、CheckDistanceMeters 等取值")
            .ValidateOnStart();
        services.AddOptions<PointsOptions>().Bind(config.GetSection(PointsOptions.Section))
            .Validate(o => !o.Problems().Any(), "义警积分规则（Volunteers:Points 配置节）有误：每小时积分和奖励积分须为非负且不过大")
            .ValidateOnStart();
        services.AddScoped<IReminderSource, ActivityReminders>();
    }
}
