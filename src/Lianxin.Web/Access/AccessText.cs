namespace Lianxin.Web.Access;

/// <summary>Marker for the access feature's screen text (AccessText.resx in Chinese, the default, and
/// AccessText.en.resx in English), registered with <c>AddFeatureText</c> so pages read it through the same
/// localizer as the shared text.</summary>
public sealed class AccessText;
