namespace Lianxin.Core.Common;

/// <summary>Column lengths, in one place so validation messages and the model agree.</summary>
public static class TextLimits
{
    public const int Code = 32;
    public const int Name = 64;
    public const int Title = 128;
    public const int Address = 200;
    public const int Text = 2000;
    public const int GeoJson = 200_000;
}
