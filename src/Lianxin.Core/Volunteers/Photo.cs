namespace Lianxin.Core.Volunteers;

/// <summary>A photo attached to a tip, a feed post or an activity report. Who may see it is decided by
/// its owner's rules; the photo only records what it belongs to.</summary>
public sealed class Photo
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public PhotoOwner OwnerKind { get; set; }
    public Guid OwnerId { get; set; }
    public Guid OrgUnitId { get; set; }
    public string ContentType { get; set; } = "";
    public long Length { get; set; }
    public string Sha256 { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string? CreatedById { get; set; }
}
