namespace Lianxin.Core.Notifications;

public sealed record NotificationView(
    Guid Id,
    string Title,
    string? Body,
    string? Link,
    string Severity,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ReadAt
);
