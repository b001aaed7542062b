namespace Lianxin.Core.Disputes;

/// <summary>The routes the parties were told of when mediation failed. At least one must be recorded.</summary>
[Flags]
public enum OtherRoutes
{
    None = 0,
    Arbitration = 1, // 仲裁
    Administrative = 2, // 行政处理
    Court = 4, // 诉讼
}
