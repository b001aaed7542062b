namespace Lianxin.Core.Volunteers.Activities;

public static class ActivityLabels
{
    public static string Label(this ActivityKind k) =>
        k switch
        {
            ActivityKind.Patrol => "巡逻",
            ActivityKind.Publicity => "宣传",
            ActivityKind.SchoolGuard => "护学岗",
            ActivityKind.EventSecurity => "活动安保",
            ActivityKind.Training => "培训",
            ActivityKind.Search => "搜寻",
            _ => "其他",
        };

    public static string Label(this ActivityStatus s) =>
        s switch
        {
            ActivityStatus.Draft => "草稿",
            ActivityStatus.Published => "已发布",
            ActivityStatus.Cancelled => "已取消",
            ActivityStatus.Finished => "已结束",
            _ => s.ToString(),
        };

    public static string Label(this SignupStatus s) =>
        s switch
        {
            SignupStatus.Pending => "待审核",
            SignupStatus.Approved => "已通过",
            SignupStatus.Waitlisted => "候补",
            SignupStatus.Cancelled => "已取消",
            SignupStatus.Declined => "未通过",
            _ => s.ToString(),
        };

    public static string Label(this CheckMethod m) => m == CheckMethod.Self ? "本人定位" : "组织者确认";
}
