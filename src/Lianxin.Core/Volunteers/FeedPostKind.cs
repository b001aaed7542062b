namespace Lianxin.Core.Volunteers;

public enum FeedPostKind
{
    ActivityReport = 1, // 活动报道
    Opinion = 2, // 社情民意
    Notice = 3, // 通知公告
    VolunteerPost = 4, // 义警动态（在册义警发布）
}
