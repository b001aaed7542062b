using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Disputes;

/// <summary>Sessions are records of their own (their own version, edited apart from the dispute); their
/// mediators and attendees are owned rows.</summary>
internal sealed class MediationSessionConfiguration : IEntityTypeConfiguration<MediationSession>
{
    public void Configure(EntityTypeBuilder<MediationSession> b)
    {
        b.Property(x => x.Place).HasMaxLength(TextLimits.Address);
        b.Property(x => x.VideoLink).HasMaxLength(MediationSession.MaxLinkLength);
        b.Property(x => x.Summary).HasMaxLength(TextLimits.Text);
        b.Property(x => x.RecordedById).HasMaxLength(64);
        b.Property(x => x.CancelledById).HasMaxLength(64);
        b.Property(x => x.CancelReason).HasMaxLength(TextLimits.Text);
        b.HasIndex(x => new { x.DisputeId, x.At });
        b.HasIndex(x => new { x.Status, x.At });
        b.HasOne(x => x.Dispute).WithMany().HasForeignKey(x => x.DisputeId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(
            x => x.Mediators,
            m =>
            {
                m.ToTable("MediationSessionMediators");
                m.WithOwner().HasForeignKey("SessionId");
                m.HasKey(x => x.Id);
                m.Property(x => x.Id).ValueGeneratedNever();
                m.Property(x => x.Name).HasMaxLength(TextLimits.Name);
                m.Property(x => x.Organization).HasMaxLength(TextLimits.Title);
                m.HasIndex(x => x.MemberId);
            }
        );
        b.OwnsMany(
            x => x.Attendees,
            a =>
            {
                a.ToTable("MediationSessionAttendees");
                a.WithOwner().HasForeignKey("SessionId");
                a.HasKey(x => x.Id);
                a.Property(x => x.Id).ValueGeneratedNever();
                a.Property(x => x.Name).HasMaxLength(TextLimits.Name);
                a.Property(x => x.Note).HasMaxLength(TextLimits.Title);
            }
        );
        b.Navigation(x => x.Mediators).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Attendees).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CounsellingSessionConfiguration : IEntityTypeConfiguration<CounsellingSession>
{
    public void Configure(EntityTypeBuilder<CounsellingSession> b)
    {
        b.Property(x => x.CounsellorName).HasMaxLength(TextLimits.Name);
        b.Property(x => x.CounsellorOrganization).HasMaxLength(TextLimits.Title);
        b.HasIndex(x => new { x.DisputeId, x.At });
        b.HasIndex(x => new { x.ResidentId, x.At });
        b.HasIndex(x => new { x.OrgUnitId, x.At });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Dispute>().WithMany().HasForeignKey(x => x.DisputeId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Organization.Resident>().WithMany().HasForeignKey(x => x.ResidentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DisputeForceListConfiguration : IEntityTypeConfiguration<DisputeForceList>
{
    public void Configure(EntityTypeBuilder<DisputeForceList> b)
    {
        b.Property(x => x.CategoryCode).HasMaxLength(TextLimits.Code);
        b.HasIndex(x => x.CategoryCode).IsUnique();
        b.OwnsMany(
            x => x.Forces,
            f =>
            {
                f.ToTable("DisputeForceItems");
                f.WithOwner().HasForeignKey("ListId");
                f.HasKey(x => x.Id);
                f.Property(x => x.Id).ValueGeneratedNever();
                f.Property(x => x.Name).HasMaxLength(TextLimits.Name);
                f.Property(x => x.Keyword).HasMaxLength(TextLimits.Code);
            }
        );
        b.Navigation(x => x.Forces).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
