namespace Lianxin.Web.Dictionaries;

/// <summary>Marker for the dictionaries feature's screen text (DictionariesText.resx in Chinese, the default, and
/// DictionariesText.en.resx in English), registered with <c>AddFeatureText</c> so pages read it through the same
/// localizer as the shared text.</summary>
public sealed class DictionariesText;
