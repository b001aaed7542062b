namespace Lianxin.Core.Disputes;

/// <summary>The file types a station uploads, recognised by their first bytes as well as their name, so a
/// renamed program or web page is refused.</summary>
public sealed record AttachmentType(string Extension, string ContentType, AttachmentKind Kind, byte[][] Signatures, int Offset = 0)
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxPerDispute = 30;

    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];

    public static readonly IReadOnlyList<AttachmentType> All =
    [
        new(
            ".jpg",
            "image/jpeg",
            AttachmentKind.Photo,
            [
                [0xFF, 0xD8, 0xFF],
            ]
        ),
        new(
            ".jpeg",
            "image/jpeg",
            AttachmentKind.Photo,
            [
                [0xFF, 0xD8, 0xFF],
            ]
        ),
        new(
            ".png",
            "image/png",
            AttachmentKind.Photo,
            [
                [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
            ]
        ),
        new(
            ".webp",
            "image/webp",
            AttachmentKind.Photo,
            [
                [0x57, 0x45, 0x42, 0x50],
            ],
            Offset: 8
        ),
        new(
            ".pdf",
            "application/pdf",
            AttachmentKind.Document,
            [
                [0x25, 0x50, 0x44, 0x46, 0x2D],
            ]
        ),
        new(".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", AttachmentKind.Document, [Zip]),
        new(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", AttachmentKind.Document, [Zip]),
        new(
            ".doc",
            "application/msword",
            AttachmentKind.Document,
            [
                [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            ]
        ),
        new(
            ".xls",
            "application/vnd.ms-excel",
            AttachmentKind.Document,
            [
                [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1],
            ]
        ),
    ];

    public static string AllowedList => "照片（jpg、png、webp）或文档（pdf、doc、docx、xls、xlsx）";

    /// <summary>The type of a file from its name and first bytes; null when either is not allowed or they disagree.</summary>
    public static AttachmentType? Detect(string fileName, ReadOnlySpan<byte> head)
    {
        var ext = Path.GetExtension(fileName).ToLowerInvariant();
        foreach (var t in All)
        {
            if (t.Extension != ext)
                continue;
            foreach (var sig in t.Signatures)
                if (
                    head.Length >= t.Offset + sig.Length
                    && head.Slice(t.Offset, sig.Length).SequenceEqual(sig)
                    && (t.Extension != ".webp" || head[..4].SequenceEqual("RIFF"u8))
                )
                    return t;
        }
        return null;
    }

    /// <summary>A name safe to store and to send back: no folders, no control characters, bounded length.</summary>
    public static string CleanName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?')).ToArray()).Trim();
        if (name.Length > 120)
        {
            var ext = Path.GetExtension(name);
            name = name[..(120 - ext.Length)] + ext;
        }
        return name;
    }
}
