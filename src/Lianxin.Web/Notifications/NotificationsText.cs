namespace Lianxin.Web.Notifications;

/// <summary>Marker for the notifications feature's screen text (NotificationsText.resx in Chinese, the default, and
/// NotificationsText.en.resx in English), registered with <c>AddFeatureText</c> so pages read it through the same
/// localizer as the shared text.</summary>
public sealed class NotificationsText;
