namespace Lianxin.Core.Incidents;

public static class IncidentLabels
{
    public static string Label(this IncidentValidity v) =>
        v switch
        {
            IncidentValidity.Valid => "有效",
            IncidentValidity.Repeat => "重复",
            IncidentValidity.Invalid => "无效",
            _ => v.ToString(),
        };

    public static string Label(this IncidentSource s) =>
        s switch
        {
            IncidentSource.Manual => "手工录入",
            IncidentSource.Api => "110 系统推送",
            IncidentSource.Import => "文件导入",
            _ => s.ToString(),
        };

    public static string Label(this PlacementMethod m) =>
        m switch
        {
            PlacementMethod.Coordinates => "按坐标落地",
            PlacementMethod.Address => "按地址匹配",
            PlacementMethod.Hand => "人工指定",
            _ => m.ToString(),
        };
}
