namespace Lianxin.Core.Incidents;

public static class IncidentStages
{
    public static string Label(this IncidentStage s) =>
        s switch
        {
            IncidentStage.Queued => "待落地",
            IncidentStage.Placed => "已落地",
            IncidentStage.CaseOpened => "已登记治安案件",
            _ => s.ToString(),
        };
}
