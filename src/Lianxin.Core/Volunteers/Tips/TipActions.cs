namespace Lianxin.Core.Volunteers.Tips;

public static class TipActions
{
    public static string Label(this TipAction action) =>
        action switch
        {
            TipAction.AddPhoto => "添加照片",
            TipAction.StartChecking => "开始核查",
            TipAction.Dismiss => "作不予采纳处理",
            TipAction.Act => "处置",
            TipAction.Close => "反馈办结",
            _ => action.ToString(),
        };
}
