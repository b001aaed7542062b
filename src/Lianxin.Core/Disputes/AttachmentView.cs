namespace Lianxin.Core.Disputes;

public sealed record AttachmentView(
    Guid Id,
    string FileName,
    string ContentType,
    AttachmentKind Kind,
    long Length,
    string Sha256,
    DateTimeOffset UploadedAt,
    string? UploadedById,
    string? UploadedByName,
    DateTimeOffset? WithdrawnAt,
    string? WithdrawnReason
);
