using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

/// <summary>A photo or document kept with a dispute (现场照片、协议、证明材料). The bytes live in
/// <see cref="DisputeAttachmentContent"/> so listing never reads them. Never deleted: a wrong upload is
/// withdrawn with a reason and stays on record.</summary>
public sealed class DisputeAttachment : Entity
{
    public Guid DisputeId { get; private set; }
    public string FileName { get; private set; } = "";
    public string ContentType { get; private set; } = "";
    public AttachmentKind Kind { get; private set; }
    public long Length { get; private set; }

    /// <summary>SHA-256 of the bytes, hex: proves the file is the one uploaded, and spots the same file twice.</summary>
    public string Sha256 { get; private set; } = "";
    public DateTimeOffset? WithdrawnAt { get; private set; }
    public string? WithdrawnById { get; private set; }
    public string? WithdrawnReason { get; private set; }

    private DisputeAttachment() { }

    internal static DisputeAttachment Create(Guid disputeId, string fileName, AttachmentType type, long length, string sha256, string by) =>
        new()
        {
            DisputeId = disputeId,
            FileName = fileName,
            ContentType = type.ContentType,
            Kind = type.Kind,
            Length = length,
            Sha256 = sha256,
            CreatedById = by,
        };

    public bool IsWithdrawn => WithdrawnAt is not null;

    internal void Withdraw(string by, DateTimeOffset at, string reason)
    {
        if (IsWithdrawn)
            throw new ConflictException("该附件已经撤回");
        WithdrawnAt = at;
        WithdrawnById = by;
        WithdrawnReason = reason;
    }
}
