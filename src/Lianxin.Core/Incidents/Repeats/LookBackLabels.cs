namespace Lianxin.Core.Incidents.Repeats;

public static class LookBackLabels
{
    public static string Label(this LookBackCategory c) =>
        c switch
        {
            LookBackCategory.Gambling => "赌博",
            LookBackCategory.Mining => "非法采矿",
            LookBackCategory.Other => "其他违法活动",
            _ => c.ToString(),
        };

    public static string Label(this LookBackTaskKind k) =>
        k switch
        {
            LookBackTaskKind.Patrol => "巡逻",
            LookBackTaskKind.SpotCheck => "抽查",
            _ => k.ToString(),
        };

    public static string Label(this LookBackResult r) =>
        r switch
        {
            LookBackResult.Normal => "正常",
            LookBackResult.FoundAgain => "发现反弹",
            _ => r.ToString(),
        };
}
