// Types that break the layer rules on purpose, so the rules are shown to fail when broken.
namespace Lianxin.Tests.Architecture.Sample.Widgets
{
    public sealed class Widget
    {
        public int Size { get; set; }
    }
}

namespace Lianxin.Tests.Architecture.Sample.Data
{
    /// <summary>Names a feature only inside a method body.</summary>
    public static class Store
    {
        public static object Make() => new Widgets.Widget { Size = 1 };
    }

    /// <summary>Names only another platform area: allowed.</summary>
    public static class Clean
    {
        public static string Text() => Common.Helper.Name;
    }
}

namespace Lianxin.Tests.Architecture.Sample.Common
{
    /// <summary>Common names another platform area through a field's type.</summary>
    public static class Helper
    {
        public const string Name = "helper";
        public static readonly Type? Kept = typeof(Data.Store);
    }
}
