using MudBlazor;

namespace Lianxin.Web.Components.Layout;

public static class LianxinTheme
{
    /// <summary>Police blue, with a font stack that prefers the CJK fonts found on office PCs and phones.</summary>
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e9c",
            Secondary = "#c62828",
            AppbarBackground = "#1f4e9c",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "Source Han Sans SC", "sans-serif"],
            },
        },
    };
}
