namespace Lianxin.Core.Incidents.Import;

public static class IncidentImportLabels
{
    public static string Label(this IncidentImportStatus s) =>
        s switch
        {
            IncidentImportStatus.Reading or IncidentImportStatus.Staged => "未完成",
            IncidentImportStatus.Done => "已完成",
            IncidentImportStatus.Failed => "失败",
            _ => s.ToString(),
        };
}
