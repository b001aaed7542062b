using Lianxin.Core.Audit;

namespace Lianxin.Core.Data.SharedFiles;

/// <summary>One piece of a <see cref="SharedFile"/>, in order by <see cref="Seq"/>.</summary>
[NotAudited]
public sealed class SharedFileChunk
{
    public Guid FileId { get; set; }
    public int Seq { get; set; }
    public byte[] Data { get; set; } = [];
}
