namespace Lianxin.Core.Disputes;

/// <summary>The routes the parties were told of when mediation failed. At least one must be recorded.</summary>
[Flags]
public enum OtherRoutes
{
    None = 0,
    Arbitration = 1,     // 仲裁
    Administrative = 2,  // 行政处理
    Court = 4,           // 诉讼
}

public static class OtherRoutesExtensions
{
    public const OtherRoutes All = OtherRoutes.Arbitration | OtherRoutes.Administrative | OtherRoutes.Court;

    public static string Label(this OtherRoutes routes)
    {
        var names = new List<string>();
        if (routes.HasFlag(OtherRoutes.Arbitration)) names.Add("仲裁");
        if (routes.HasFlag(OtherRoutes.Administrative)) names.Add("行政处理");
        if (routes.HasFlag(OtherRoutes.Court)) names.Add("诉讼");
        return names.Count == 0 ? "无" : string.Join("、", names);
    }
}
