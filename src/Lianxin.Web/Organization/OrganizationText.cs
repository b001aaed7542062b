namespace Lianxin.Web.Organization;

/// <summary>Marker for the organization feature's screen text (OrganizationText.resx in Chinese, the default, and
/// OrganizationText.en.resx in English), registered with <c>AddFeatureText</c> so pages read it through the same
/// localizer as the shared text.</summary>
public sealed class OrganizationText;
