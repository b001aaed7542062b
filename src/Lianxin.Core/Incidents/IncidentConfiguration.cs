using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Incidents;

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.Property(x => x.Number).HasMaxLength(TextLimits.Code);
        b.Property(x => x.CategoryCode).HasMaxLength(TextLimits.Code);
        b.Property(x => x.TypeCode).HasMaxLength(TextLimits.Code);
        b.Property(x => x.SubtypeCode).HasMaxLength(TextLimits.Code);
        b.Property(x => x.CallerNameMasked).HasMaxLength(TextLimits.Name);
        b.Property(x => x.CallerNameHash).HasMaxLength(64);
        b.Property(x => x.CallerPhoneHash).HasMaxLength(64);
        b.Property(x => x.CallerPhoneMasked).HasMaxLength(32);
        b.Property(x => x.Address).HasMaxLength(TextLimits.Address);
        b.Property(x => x.AddressKey).HasMaxLength(TextLimits.Address);
        b.Property(x => x.Summary).HasMaxLength(TextLimits.Text);
        b.Property(x => x.Disposition).HasMaxLength(TextLimits.Text);
        b.Property(x => x.HandlingOfficer).HasMaxLength(TextLimits.Name);
        b.Ignore(x => x.CallerName);
        b.Ignore(x => x.CallerPhone);
        b.HasIndex(x => x.Number).IsUnique();
        // The ledger pages a unit's incidents newest first; statistics and repeat checks read a period.
        b.HasIndex(x => new { x.OrgUnitId, x.ReceivedAt });
        b.HasIndex(x => x.ReceivedAt);
        // Repeat checks: the same flat or the same caller within the window.
        b.HasIndex(x => new { x.AddressKey, x.ReceivedAt });
        b.HasIndex(x => new { x.CallerPhoneHash, x.ReceivedAt });
        b.HasIndex(x => new { x.CallerNameHash, x.ReceivedAt });
        b.HasIndex(x => x.PlaceId);
        // A dispute lists, and its risk grading counts, the incidents linked to it.
        b.HasIndex(x => x.DisputeId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization.OrgUnit>().WithMany().HasForeignKey(x => x.HandlingUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class IncidentLinkConfiguration : IEntityTypeConfiguration<IncidentLink>
{
    public void Configure(EntityTypeBuilder<IncidentLink> b)
    {
        b.HasKey(x => new { x.IncidentId, x.RelatedId });
        b.HasIndex(x => x.RelatedId);
        b.Property(x => x.CreatedById).HasMaxLength(64);
    }
}
