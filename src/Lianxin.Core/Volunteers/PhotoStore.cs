using System.Security.Cryptography;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Disputes;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Volunteers;

/// <summary>Keeps photos in the database. Only JPEG, PNG and WebP are taken, recognised by their first
/// bytes, up to <see cref="MaxBytes"/> each and <see cref="MaxPerOwner"/> per owner. Callers check who
/// may add or see a photo; this class only checks the file. Adds are not saved: the caller saves them in
/// the same unit of work as the owner.</summary>
public sealed class PhotoStore(LianxinDbContext db, TimeProvider clock)
{
    public const long MaxBytes = 8 * 1024 * 1024;
    public const int MaxPerOwner = 9;

    public async Task<Photo> AddAsync(
        PhotoOwner ownerKind,
        Guid ownerId,
        Guid orgUnitId,
        string fileName,
        Stream content,
        string? by,
        CancellationToken ct = default
    )
    {
        var bytes = await ReadLimitedAsync(content, ct);
        var type = AttachmentType.Detect(fileName, bytes);
        if (type is null || type.Kind != AttachmentKind.Photo)
            throw new ValidationFailedException("photo", "只能上传 JPG、PNG 或 WebP 格式的照片");
        var count =
            await db.Photos.CountAsync(p => p.OwnerKind == ownerKind && p.OwnerId == ownerId, ct)
            + db.ChangeTracker.Entries<Photo>()
                .Count(e => e.State == EntityState.Added && e.Entity.OwnerKind == ownerKind && e.Entity.OwnerId == ownerId);
        if (count >= MaxPerOwner)
            throw new ValidationFailedException("photo", $"最多上传 {MaxPerOwner} 张照片");
        var photo = new Photo
        {
            OwnerKind = ownerKind,
            OwnerId = ownerId,
            OrgUnitId = orgUnitId,
            ContentType = type.ContentType,
            Length = bytes.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            CreatedAt = clock.GetUtcNow(),
            CreatedById = by,
        };
        db.Photos.Add(photo);
        db.PhotoContents.Add(new PhotoContent { Id = photo.Id, Data = bytes });
        return photo;
    }

    public Task<List<Photo>> ListAsync(PhotoOwner ownerKind, Guid ownerId, CancellationToken ct = default) =>
        db.Photos.AsNoTracking().Where(p => p.OwnerKind == ownerKind && p.OwnerId == ownerId).OrderBy(p => p.Id).ToListAsync(ct);

    /// <summary>The bytes of a photo that belongs to the given owner; null when it does not.</summary>
    public async Task<(Photo Photo, byte[] Data)?> ReadAsync(
        PhotoOwner ownerKind,
        Guid ownerId,
        Guid photoId,
        CancellationToken ct = default
    )
    {
        var photo = await db
            .Photos.AsNoTracking()
            .FirstOrDefaultAsync(p => p.Id == photoId && p.OwnerKind == ownerKind && p.OwnerId == ownerId, ct);
        if (photo is null)
            return null;
        var data = await db.PhotoContents.AsNoTracking().Where(c => c.Id == photoId).Select(c => c.Data).FirstAsync(ct);
        return (photo, data);
    }

    private static async Task<byte[]> ReadLimitedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                throw new ValidationFailedException("photo", $"照片不能超过 {MaxBytes / 1024 / 1024} MB");
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            throw new ValidationFailedException("photo", "照片是空文件");
        return buffer.ToArray();
    }
}
