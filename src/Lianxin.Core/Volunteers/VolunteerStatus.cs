namespace Lianxin.Core.Volunteers;

public enum VolunteerStatus
{
    Applicant = 1, // 申请中
    Active = 2, // 在册
    Suspended = 3, // 暂停
    Retired = 4, // 退出
    Declined = 5, // 未通过
}
