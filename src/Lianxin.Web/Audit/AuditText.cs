namespace Lianxin.Web.Audit;

/// <summary>Marker for the audit feature's screen text (AuditText.resx in Chinese, the default, and
/// AuditText.en.resx in English), registered with <c>AddFeatureText</c> so pages read it through the same
/// localizer as the shared text.</summary>
public sealed class AuditText;
