using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Incidents.Import;

internal sealed class IncidentImportConfiguration : IEntityTypeConfiguration<IncidentImport>
{
    public void Configure(EntityTypeBuilder<IncidentImport> b)
    {
        b.Property(x => x.FileName).HasMaxLength(TextLimits.Title);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.Encoding).HasMaxLength(TextLimits.Code);
        b.Property(x => x.ImportedById).HasMaxLength(64);
        b.Property(x => x.ImportedByName).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Failure).HasMaxLength(TextLimits.Text);
        b.HasIndex(x => new { x.OrgUnitId, x.StartedAt });
        b.HasIndex(x => x.Sha256);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentImportErrorConfiguration : IEntityTypeConfiguration<IncidentImportError>
{
    public void Configure(EntityTypeBuilder<IncidentImportError> b)
    {
        b.HasKey(x => new { x.BatchId, x.Seq });
        b.Property(x => x.Seq).ValueGeneratedNever();
        b.Property(x => x.Field).HasMaxLength(TextLimits.Code);
        b.Property(x => x.Value).HasMaxLength(TextLimits.Title);
        b.Property(x => x.Reason).HasMaxLength(TextLimits.Title);
    }
}
