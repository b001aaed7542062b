namespace Lianxin.Core.Volunteers;

/// <summary>When a volunteer can usually help; several may apply.</summary>
[Flags]
public enum VolunteerAvailability
{
    None = 0,
    WeekdayDaytime = 1, // 工作日白天
    WeekdayEvening = 2, // 工作日晚上
    Weekend = 4, // 周末
    Night = 8, // 夜间
    OnCall = 16, // 随叫随到（搜救等紧急任务）
}
