namespace Lianxin.Core.Disputes;

public static class OtherRoutesExtensions
{
    public const OtherRoutes All = OtherRoutes.Arbitration | OtherRoutes.Administrative | OtherRoutes.Court;

    public static string Label(this OtherRoutes routes)
    {
        var names = new List<string>();
        if (routes.HasFlag(OtherRoutes.Arbitration))
            names.Add("仲裁");
        if (routes.HasFlag(OtherRoutes.Administrative))
            names.Add("行政处理");
        if (routes.HasFlag(OtherRoutes.Court))
            names.Add("诉讼");
        return names.Count == 0 ? "无" : string.Join("、", names);
    }
}
