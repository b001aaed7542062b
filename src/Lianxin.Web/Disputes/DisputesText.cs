namespace Lianxin.Web.Disputes;

/// <summary>Marker for the disputes feature's screen text (DisputesText.resx in Chinese, the default, and
/// DisputesText.en.resx in English), registered with <c>AddFeatureText</c> so pages read it through the same
/// localizer as the shared text.</summary>
public sealed class DisputesText;
