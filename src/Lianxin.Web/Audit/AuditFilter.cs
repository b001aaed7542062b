namespace Lianxin.Web.Audit;

public sealed record AuditFilter(
    string? User = null,
    string? Action = null,
    string? EntityType = null,
    string? EntityId = null,
    DateTimeOffset? From = null,
    DateTimeOffset? To = null
);
