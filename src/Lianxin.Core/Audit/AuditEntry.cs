namespace Lianxin.Core.Audit;

/// <summary>One line of the append-only audit log. Each line's hash covers its content and the
/// previous line's hash, so an edited or removed line breaks the chain from that point on.</summary>
public sealed class AuditEntry
{
    /// <summary>Length of user name, entity type and id columns; longer values are cut, never refused,
    /// since an audit line must not make the change it records fail.</summary>
    public const int ShortText = 128;

    /// <summary>Position in the chain, assigned under a lock when the line is written.</summary>
    public long Seq { get; set; }
    public DateTimeOffset At { get; set; }
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string? IpAddress { get; set; }
    public string Action { get; set; } = "";
    public string? EntityType { get; set; }
    public string? EntityId { get; set; }
    public string? Summary { get; set; }

    /// <summary>JSON object: field → [old, new]. Personal data appears only as "(已加密)".</summary>
    public string? Changes { get; set; }
    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
