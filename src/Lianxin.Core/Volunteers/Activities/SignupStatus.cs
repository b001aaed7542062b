namespace Lianxin.Core.Volunteers.Activities;

public enum SignupStatus
{
    Pending = 1, // 待审核
    Approved = 2, // 已通过
    Waitlisted = 3, // 候补
    Cancelled = 4, // 已取消
    Declined = 5, // 未通过
}
