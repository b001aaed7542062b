namespace Lianxin.Core.Incidents;

public static class IncidentActions
{
    public static string Label(this IncidentAction action) =>
        action switch
        {
            IncidentAction.Place => "落地",
            IncidentAction.Reassess => "修改研判",
            IncidentAction.EditParties => "修改当事人",
            IncidentAction.FlagRepeat => "标记疑似重复",
            IncidentAction.RegisterCase => "登记治安案件",
            IncidentAction.TakeDispute => "转为纠纷",
            _ => action.ToString(),
        };
}
