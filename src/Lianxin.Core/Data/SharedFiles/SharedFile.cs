using Lianxin.Core.Audit;

namespace Lianxin.Core.Data.SharedFiles;

/// <summary>A file every node of a deployment can read (an import's upload kept until its batch is done), stored in
/// the database in <see cref="SharedFileChunk"/>s. The row is written in the same transaction as its last chunk, so a
/// file whose row exists is whole.</summary>
[NotAudited]
public sealed class SharedFile
{
    public Guid Id { get; set; }

    /// <summary>What the file is for (<see cref="SharedFileStore.IncidentImport"/>), so each owner lists only its own.</summary>
    public string Purpose { get; set; } = "";

    public long Length { get; set; }
    public string Sha256 { get; set; } = "";
    public int Chunks { get; set; }
    public DateTimeOffset StoredAt { get; set; }
}
