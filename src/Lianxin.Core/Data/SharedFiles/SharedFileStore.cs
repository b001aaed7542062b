using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Data.SharedFiles;

/// <summary>Files that must outlive the node that received them. On PostgreSQL they are kept in the database (every
/// node reads them: an import interrupted on one node is finished by another); on SQLite, which one node serves, the
/// caller's own folder is the store and this one holds nothing (<see cref="Enabled"/> is false).</summary>
public sealed class SharedFileStore(LianxinDbContext db)
{
    /// <summary>The purpose of an incident import's kept upload.</summary>
    public const string IncidentImport = "incident-import";

    /// <summary>Pieces of 4 MB: a 300 MB upload is 75 rows, each small enough to read and write in one go.</summary>
    public const int ChunkBytes = 4 * 1024 * 1024;

    public bool Enabled => db.IsPostgres;

    /// <summary>Stores the file at <paramref name="path"/> under <paramref name="id"/>, whole or not at all (one
    /// transaction). A file already stored under that id is left as it is.</summary>
    public async Task PutAsync(Guid id, string purpose, string path, CancellationToken ct = default)
    {
        if (!Enabled || await ExistsAsync(id, ct))
            return;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"SharedFileChunks\" WHERE \"FileId\" = {id}", ct);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous);
            var buffer = new byte[ChunkBytes];
            long length = 0;
            var seq = 0;
            while (true)
            {
                var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
                if (read == 0)
                    break;
                var data = read == buffer.Length ? buffer : buffer[..read];
                sha.AppendData(data);
                await db.Database.ExecuteSqlAsync(
                    $"INSERT INTO \"SharedFileChunks\" (\"FileId\", \"Seq\", \"Data\") VALUES ({id}, {seq}, {data})",
                    ct
                );
                length += read;
                seq++;
            }
            var hash = Convert.ToHexStringLower(sha.GetHashAndReset());
            var row = new SharedFile
            {
                Id = id,
                Purpose = purpose,
                Length = length,
                Sha256 = hash,
                Chunks = seq,
                StoredAt = db.Now,
            };
            db.Add(row);
            await db.SaveChangesAsync(ct);
            db.Entry(row).State = EntityState.Detached;
            await tx.CommitAsync(ct);
        });
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken ct = default) =>
        Enabled && await db.Set<SharedFile>().AnyAsync(f => f.Id == id, ct);

    /// <summary>Writes the stored file to <paramref name="path"/> (through a temporary name, so a reader never sees half
    /// a file) after checking its length and hash; false when nothing is stored under <paramref name="id"/>.</summary>
    public async Task<bool> GetAsync(Guid id, string path, CancellationToken ct = default)
    {
        if (!Enabled)
            return false;
        var meta = await db.Set<SharedFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        if (meta is null)
            return false;
        var part = $"{path}.{Guid.NewGuid():N}.part";
        try
        {
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long length = 0;
            await using (var file = new FileStream(part, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                for (var seq = 0; seq < meta.Chunks; seq++)
                {
                    var s = seq;
                    var data = await db.Set<SharedFileChunk>()
                        .AsNoTracking()
                        .Where(c => c.FileId == id && c.Seq == s)
                        .Select(c => c.Data)
                        .FirstOrDefaultAsync(ct)
                        ?? throw new InvalidDataException($"Shared file {id} lacks piece {s}");
                    sha.AppendData(data);
                    length += data.Length;
                    await file.WriteAsync(data, ct);
                }
            }
            if (length != meta.Length || Convert.ToHexStringLower(sha.GetHashAndReset()) != meta.Sha256)
                throw new InvalidDataException($"Shared file {id} does not match its length or hash");
            File.Move(part, path, overwrite: true);
            return true;
        }
        finally
        {
            File.Delete(part);
        }
    }

    /// <summary>Removes a stored file (nothing when none is stored).</summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        if (!Enabled)
            return;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"SharedFiles\" WHERE \"Id\" = {id}", ct);
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"SharedFileChunks\" WHERE \"FileId\" = {id}", ct);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>The ids of the files stored for <paramref name="purpose"/>, oldest first.</summary>
    public async Task<IReadOnlyList<Guid>> ListAsync(string purpose, CancellationToken ct = default) =>
        Enabled
            ? await db.Set<SharedFile>()
                .AsNoTracking()
                .Where(f => f.Purpose == purpose)
                .OrderBy(f => f.StoredAt)
                .Select(f => f.Id)
                .ToListAsync(ct)
            : [];
}
