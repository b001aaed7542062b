namespace Lianxin.Web.Volunteers;

/// <summary>Marker for the volunteers feature's screen text (VolunteersText.resx in Chinese, the default, and
/// VolunteersText.en.resx in English), registered with <c>AddFeatureText</c> so pages read it through the same
/// localizer as the shared text.</summary>
public sealed class VolunteersText;
