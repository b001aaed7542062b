namespace Lianxin.Core.Incidents.Import;

/// <summary>The things that can happen to an import batch; which of them a state allows is in
/// <see cref="ImportTransitions"/>.</summary>
public enum ImportAction
{
    Run = 1,
    Complete,
    GiveUp,
}

public static class ImportActions
{
    public static string Label(this ImportAction action) => action switch
    {
        ImportAction.Run => "重新导入",
        ImportAction.Complete => "完成导入",
        ImportAction.GiveUp => "放弃导入",
        _ => action.ToString(),
    };
}
