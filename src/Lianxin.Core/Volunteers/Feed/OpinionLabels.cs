namespace Lianxin.Core.Volunteers.Feed;

public static class OpinionLabels
{
    public static string Label(this OpinionState state) =>
        state switch
        {
            OpinionState.Open => "待处理",
            OpinionState.Assigned => "已分派民警办理",
            OpinionState.Answered => "已答复",
            OpinionState.Closed => "已办结",
            _ => state.ToString(),
        };

    public static string Label(this OpinionAction action) =>
        action switch
        {
            OpinionAction.Assign => "分派",
            OpinionAction.Answer => "答复",
            OpinionAction.Close => "办结",
            _ => action.ToString(),
        };
}
