namespace Lianxin.Core.Incidents.Import;

public static class ImportActions
{
    public static string Label(this ImportAction action) =>
        action switch
        {
            ImportAction.Run => "重新导入",
            ImportAction.Complete => "完成导入",
            ImportAction.GiveUp => "放弃导入",
            _ => action.ToString(),
        };
}
