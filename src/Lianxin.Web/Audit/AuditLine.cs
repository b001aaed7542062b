namespace Lianxin.Web.Audit;

public sealed record AuditLine(
    long Seq,
    DateTimeOffset At,
    string? UserId,
    string UserName,
    string? IpAddress,
    string Action,
    string ActionLabel,
    string? EntityType,
    string? EntityId,
    string? Summary,
    string? Changes
);
