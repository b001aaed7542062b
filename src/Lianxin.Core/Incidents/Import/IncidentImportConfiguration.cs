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

internal sealed class IncidentImportRowConfiguration : IEntityTypeConfiguration<IncidentImportRow>
{
    public void Configure(EntityTypeBuilder<IncidentImportRow> b)
    {
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Number).HasMaxLength(TextLimits.Code);
        b.Property(x => x.CategoryCode).HasMaxLength(TextLimits.Code);
        b.Property(x => x.TypeCode).HasMaxLength(TextLimits.Code);
        b.Property(x => x.SubtypeCode).HasMaxLength(TextLimits.Code);
        b.Property(x => x.CallerNameMasked).HasMaxLength(TextLimits.Name);
        b.Property(x => x.CallerPhoneHash).HasMaxLength(64);
        b.Property(x => x.CallerPhoneMasked).HasMaxLength(32);
        b.Property(x => x.Address).HasMaxLength(TextLimits.Address);
        b.Property(x => x.AddressKey).HasMaxLength(TextLimits.Address);
        b.Property(x => x.Summary).HasMaxLength(TextLimits.Text);
        b.Property(x => x.Disposition).HasMaxLength(TextLimits.Text);
        b.Property(x => x.HandlingOfficer).HasMaxLength(TextLimits.Name);
        // The final step reads one batch; rows of a batch are removed when it completes.
        b.HasIndex(x => x.BatchId);
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
