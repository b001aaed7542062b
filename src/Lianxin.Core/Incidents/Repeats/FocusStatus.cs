namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Where a cluster on the focus list (重点关注) stands.</summary>
public enum FocusStatus
{
    Open = 1, // 待跟进
    Following = 2, // 跟进中
    Settled = 3, // 已化解
}
