namespace Lianxin.Core.Volunteers.Activities;

public enum ActivityKind
{
    Patrol = 1, // 巡逻
    Publicity = 2, // 宣传
    SchoolGuard = 3, // 护学岗
    EventSecurity = 4, // 活动安保
    Training = 5, // 培训
    Search = 6, // 搜寻
    Other = 9, // 其他
}
