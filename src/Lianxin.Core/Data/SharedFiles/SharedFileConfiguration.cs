using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Data.SharedFiles;

internal sealed class SharedFileConfiguration : IEntityTypeConfiguration<SharedFile>
{
    public void Configure(EntityTypeBuilder<SharedFile> b)
    {
        b.ToTable("SharedFiles");
        b.HasKey(x => x.Id);
        b.Property(x => x.Purpose).HasMaxLength(40);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.HasIndex(x => new { x.Purpose, x.StoredAt });
    }
}
