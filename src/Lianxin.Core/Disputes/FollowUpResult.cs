namespace Lianxin.Core.Disputes;

public enum FollowUpResult
{
    Stable = 1, // 稳定
    Recurring = 2, // 复发
}
