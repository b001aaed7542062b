namespace Lianxin.Core.Common;

/// <summary>Base of every updatable record: a client-generated id (so audits and idempotent creates
/// know it before saving), timestamps and an optimistic-concurrency version.</summary>
public abstract class Entity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? CreatedById { get; set; }

    /// <summary>Bumped on every save; a write carrying an older value is refused as a conflict.</summary>
    public long Version { get; set; }
}
