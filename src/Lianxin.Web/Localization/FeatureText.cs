using System.Resources;

namespace Lianxin.Web.Localization;

/// <summary>One feature's screen text: the resource file beside its marker type (e.g. <c>Disputes/DisputesText.resx</c>
/// and <c>DisputesText.en.resx</c>). Registered by the feature with <see cref="FeatureTexts.AddFeatureText{T}"/>.</summary>
public sealed class FeatureText(Type marker)
{
    public Type Marker { get; } = marker;

    /// <summary>The file's strings, with the usual culture fallback (English, then the Chinese default).</summary>
    public ResourceManager Resources { get; } = new(marker);
}
