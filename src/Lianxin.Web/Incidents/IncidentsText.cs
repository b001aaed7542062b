namespace Lianxin.Web.Incidents;

/// <summary>Marker for the incidents feature's screen text (IncidentsText.resx in Chinese, the default, and
/// IncidentsText.en.resx in English), registered with <c>AddFeatureText</c> so pages read it through the same
/// localizer as the shared text.</summary>
public sealed class IncidentsText;
