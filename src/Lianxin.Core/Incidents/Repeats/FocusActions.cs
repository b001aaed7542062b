namespace Lianxin.Core.Incidents.Repeats;

public static class FocusActions
{
    public static string Label(this FocusAction action) =>
        action switch
        {
            FocusAction.AddToFocus => "加入重点关注",
            FocusAction.ChangeOwner => "更换责任人",
            FocusAction.ChangeStatus => "更改跟进状态",
            FocusAction.AddNote => "添加跟进记录",
            FocusAction.GrowAgain => "因新警情重新待跟进",
            _ => action.ToString(),
        };
}
