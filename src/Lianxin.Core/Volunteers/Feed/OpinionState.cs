namespace Lianxin.Core.Volunteers.Feed;

/// <summary>Where a resident's opinion (社情民意) stands. Read from the post's own fields (who it is assigned to, the
/// answer, the closing time), so no column can disagree with them.</summary>
public enum OpinionState
{
    Open = 1, // 待处理
    Assigned = 2, // 已分派民警办理
    Answered = 3, // 已答复
    Closed = 4, // 已办结
}
