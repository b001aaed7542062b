namespace Lianxin.Core.Volunteers.Activities;

public enum CheckMethod
{
    Organizer = 1, // 组织者确认
    Self = 2, // 本人定位
}
