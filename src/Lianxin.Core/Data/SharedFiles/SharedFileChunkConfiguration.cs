using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Data.SharedFiles;

internal sealed class SharedFileChunkConfiguration : IEntityTypeConfiguration<SharedFileChunk>
{
    public void Configure(EntityTypeBuilder<SharedFileChunk> b)
    {
        b.ToTable("SharedFileChunks");
        // No foreign key to SharedFiles: the chunks are written before the row that says the file is whole.
        b.HasKey(x => new { x.FileId, x.Seq });
    }
}
