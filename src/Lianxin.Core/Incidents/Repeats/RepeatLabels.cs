namespace Lianxin.Core.Incidents.Repeats;

public static class RepeatLabels
{
    public static string Label(this RepeatClusterKind k) =>
        k switch
        {
            RepeatClusterKind.Address => "同一地址",
            RepeatClusterKind.Phone => "同一报警电话",
            RepeatClusterKind.Party => "同一当事人",
            _ => k.ToString(),
        };

    public static string Label(this FocusStatus s) =>
        s switch
        {
            FocusStatus.Open => "待跟进",
            FocusStatus.Following => "跟进中",
            FocusStatus.Settled => "已化解",
            _ => s.ToString(),
        };
}
