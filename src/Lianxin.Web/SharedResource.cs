namespace Lianxin.Web;

/// <summary>Marker for the shared UI strings (Resources/SharedResource.*.resx): Chinese by default, English selectable.</summary>
public sealed class SharedResource;
