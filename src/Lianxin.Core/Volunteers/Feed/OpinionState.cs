namespace Lianxin.Core.Volunteers.Feed;

/// <summary>Where a resident's opinion (社情民意) stands. Read from the post's own fields (who it is assigned to, the
/// answer, the closing time), so no column can disagree with them.</summary>
public enum OpinionState
{
    Open = 1,     // 待处理
    Assigned = 2, // 已分派民警办理
    Answered = 3, // 已答复
    Closed = 4,   // 已办结
}

/// <summary>The things staff do to an opinion; which of them a state allows is in <see cref="OpinionTransitions"/>.</summary>
public enum OpinionAction
{
    Assign = 1,
    Answer,
    Close,
}

public static class OpinionLabels
{
    public static string Label(this OpinionState state) => state switch
    {
        OpinionState.Open => "待处理",
        OpinionState.Assigned => "已分派民警办理",
        OpinionState.Answered => "已答复",
        OpinionState.Closed => "已办结",
        _ => state.ToString(),
    };

    public static string Label(this OpinionAction action) => action switch
    {
        OpinionAction.Assign => "分派",
        OpinionAction.Answer => "答复",
        OpinionAction.Close => "办结",
        _ => action.ToString(),
    };
}
