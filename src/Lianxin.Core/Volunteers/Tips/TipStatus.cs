namespace Lianxin.Core.Volunteers.Tips;

public enum TipStatus
{
    Received = 1, // 待研判
    Checking = 2, // 核查中
    ActedOn = 3, // 已处置
    Closed = 4, // 已反馈
    Dismissed = 5, // 不予采纳
}
