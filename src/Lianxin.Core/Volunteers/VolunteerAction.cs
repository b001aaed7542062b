namespace Lianxin.Core.Volunteers;

/// <summary>What can happen to a volunteer's record: the applicant applies (again, after a decline or
/// after retiring), staff accept, decline, suspend, reinstate or retire.</summary>
public enum VolunteerAction
{
    Apply = 1, // 申请（或重新申请）
    Accept = 2, // 通过
    Decline = 3, // 不通过
    Suspend = 4, // 暂停
    Reinstate = 5, // 恢复
    Retire = 6, // 退出
}
