namespace Lianxin.Core.Volunteers.Activities;

public enum ActivityStatus
{
    Draft = 1, // 草稿
    Published = 2, // 已发布
    Cancelled = 3, // 已取消
    Finished = 4, // 已结束
}
