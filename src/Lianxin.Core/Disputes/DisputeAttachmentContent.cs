namespace Lianxin.Core.Disputes;

// The attachment's own row is audited (name, size, hash); its bytes are not log material.
[Audit.NotAudited]
public sealed class DisputeAttachmentContent
{
    public Guid Id { get; set; }
    public byte[] Data { get; set; } = [];
}
