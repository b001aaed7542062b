namespace Lianxin.Core.Disputes;

public sealed record AttachmentFile(AttachmentView Meta, byte[] Data);
