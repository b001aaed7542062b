using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Disputes;

/// <summary>A dispute with its parties, timeline and follow-ups as owned rows in tables of their own:
/// they live and die with the dispute and are only changed through it.</summary>
internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> b)
    {
        b.Property(x => x.Number).HasMaxLength(TextLimits.Code);
        b.Property(x => x.Title).HasMaxLength(TextLimits.Title);
        b.Property(x => x.CategoryCode).HasMaxLength(TextLimits.Code);
        b.Property(x => x.Description).HasMaxLength(TextLimits.Text);
        b.Property(x => x.Address).HasMaxLength(TextLimits.Address);
        b.Property(x => x.AddressKey).HasMaxLength(TextLimits.Address);
        b.Property(x => x.RegisteredById).HasMaxLength(64);
        b.Property(x => x.ReferredTo).HasMaxLength(TextLimits.Title);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.Status });
        b.HasIndex(x => new { x.Status, x.LimitStartedAt });
        b.HasIndex(x => x.RegisteredAt);
        b.HasIndex(x => x.AddressKey);
        // The ledger pages a unit's disputes newest first, and the figures count a unit's registrations in a period.
        b.HasIndex(x => new { x.OrgUnitId, x.RegisteredAt });
        b.HasIndex(x => x.Status);
        b.HasIndex(x => x.EndedAt);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.AllowedActions);
        // A dispute's page lists the later disputes related to it.
        b.HasIndex(x => x.RelatedDisputeId);
        b.HasOne<Dispute>().WithMany().HasForeignKey(x => x.RelatedDisputeId).OnDelete(DeleteBehavior.SetNull);

        b.OwnsMany(
            x => x.Parties,
            p =>
            {
                p.ToTable("DisputeParties");
                p.WithOwner().HasForeignKey("DisputeId");
                p.HasKey(x => x.Id);
                p.Property(x => x.Id).ValueGeneratedNever();
                p.Property(x => x.Name).HasMaxLength(TextLimits.Name);
                p.Property(x => x.OrganizationName).HasMaxLength(TextLimits.Title);
                p.Property(x => x.Note).HasMaxLength(TextLimits.Text);
                p.HasIndex(x => x.ResidentId);
            }
        );
        b.OwnsMany(
            x => x.Events,
            e =>
            {
                e.ToTable("DisputeEvents");
                e.WithOwner().HasForeignKey("DisputeId");
                e.HasKey(x => x.Id);
                e.Property(x => x.Id).ValueGeneratedNever();
                e.Property(x => x.ById).HasMaxLength(64);
                e.Property(x => x.Reason).HasMaxLength(TextLimits.Text);
                // The figures ask "which disputes were resolved / referred in this period" of the timeline.
                e.HasIndex(x => new { x.Kind, x.At });
                e.HasIndex("DisputeId", nameof(DisputeEvent.Kind), nameof(DisputeEvent.At));
            }
        );
        b.OwnsMany(
            x => x.FollowUps,
            f =>
            {
                f.ToTable("DisputeFollowUps");
                f.WithOwner().HasForeignKey("DisputeId");
                f.HasKey(x => x.Id);
                f.Property(x => x.Id).ValueGeneratedNever();
                f.Property(x => x.ScheduledById).HasMaxLength(64);
                f.Property(x => x.DoneById).HasMaxLength(64);
                f.Property(x => x.AssignedToId).HasMaxLength(64);
                f.Property(x => x.Note).HasMaxLength(TextLimits.Text);
                f.HasIndex(x => x.DueAt);
                f.Ignore(x => x.VisitorId);
            }
        );
        b.Navigation(x => x.Parties).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(x => x.FollowUps).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DisputeAttachmentConfiguration : IEntityTypeConfiguration<DisputeAttachment>
{
    public void Configure(EntityTypeBuilder<DisputeAttachment> b)
    {
        b.ToTable("DisputeAttachments");
        b.Property(x => x.FileName).HasMaxLength(TextLimits.Title);
        b.Property(x => x.ContentType).HasMaxLength(TextLimits.Title);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.WithdrawnById).HasMaxLength(64);
        b.Property(x => x.WithdrawnReason).HasMaxLength(TextLimits.Title);
        b.HasIndex(x => new { x.DisputeId, x.Sha256 });
        b.HasOne<Dispute>().WithMany().HasForeignKey(x => x.DisputeId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.IsWithdrawn);
    }
}

internal sealed class DisputeAttachmentContentConfiguration : IEntityTypeConfiguration<DisputeAttachmentContent>
{
    public void Configure(EntityTypeBuilder<DisputeAttachmentContent> b)
    {
        b.ToTable("DisputeAttachmentContents");
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<DisputeAttachment>().WithOne().HasForeignKey<DisputeAttachmentContent>(x => x.Id).OnDelete(DeleteBehavior.Restrict);
    }
}
