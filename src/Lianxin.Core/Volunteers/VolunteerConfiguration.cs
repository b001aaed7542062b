using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Volunteers;

internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> b)
    {
        b.Property(x => x.Name).HasMaxLength(TextLimits.Name);
        b.Property(x => x.UserId).HasMaxLength(64);
        b.Property(x => x.PhoneHash).HasMaxLength(32);
        b.Property(x => x.PhoneMasked).HasMaxLength(32);
        b.Property(x => x.IdNumberHash).HasMaxLength(32);
        b.Property(x => x.IdNumberMasked).HasMaxLength(32);
        b.Property(x => x.AssistantKindCode).HasMaxLength(TextLimits.Code);
        b.Property(x => x.Statement).HasMaxLength(TextLimits.Text);
        b.Property(x => x.Note).HasMaxLength(TextLimits.Text);
        b.Ignore(x => x.Phone);
        b.Ignore(x => x.IdNumber);
        b.HasIndex(x => x.UserId).IsUnique();
        b.HasIndex(x => x.PhoneHash);
        b.HasIndex(x => x.IdNumberHash);
        b.HasIndex(x => new { x.OrgUnitId, x.Status });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VolunteerStatusChangeConfiguration : IEntityTypeConfiguration<VolunteerStatusChange>
{
    public void Configure(EntityTypeBuilder<VolunteerStatusChange> b)
    {
        b.Property(x => x.Reason).HasMaxLength(TextLimits.Text);
        b.Property(x => x.ById).HasMaxLength(64);
        b.HasIndex(x => new { x.VolunteerId, x.At });
        b.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SquadConfiguration : IEntityTypeConfiguration<Squad>
{
    public void Configure(EntityTypeBuilder<Squad> b)
    {
        b.Property(x => x.Name).HasMaxLength(TextLimits.Title);
        b.Property(x => x.TypeCode).HasMaxLength(TextLimits.Code);
        b.Property(x => x.Description).HasMaxLength(TextLimits.Text);
        b.Property(x => x.PartnerName).HasMaxLength(TextLimits.Title);
        b.HasIndex(x => new { x.OrgUnitId, x.TypeCode });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SquadMemberConfiguration : IEntityTypeConfiguration<SquadMember>
{
    public void Configure(EntityTypeBuilder<SquadMember> b)
    {
        b.HasIndex(x => new { x.SquadId, x.VolunteerId }).IsUnique();
        b.HasIndex(x => x.VolunteerId);
        b.HasOne<Squad>().WithMany().HasForeignKey(x => x.SquadId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Volunteer).WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VolunteerCreditConfiguration : IEntityTypeConfiguration<VolunteerCredit>
{
    public void Configure(EntityTypeBuilder<VolunteerCredit> b)
    {
        b.Property(x => x.Reason).HasMaxLength(TextLimits.Text);
        b.Property(x => x.ById).HasMaxLength(64);
        b.HasIndex(x => new { x.VolunteerId, x.At });
        b.HasIndex(x => new { x.OrgUnitId, x.At });
        b.HasIndex(x => new
        {
            x.Source,
            x.SourceId,
            x.VolunteerId,
        });
        // Covers the figures' read of a period's activity credits (the ids only, no table lookups).
        b.HasIndex(x => new
        {
            x.Source,
            x.At,
            x.VolunteerId,
            x.SourceId,
        });
        b.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FeedPostConfiguration : IEntityTypeConfiguration<FeedPost>
{
    public void Configure(EntityTypeBuilder<FeedPost> b)
    {
        b.Property(x => x.AuthorName).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Title).HasMaxLength(TextLimits.Title);
        b.Property(x => x.Body).HasMaxLength(TextLimits.Text);
        b.Property(x => x.HiddenReason).HasMaxLength(TextLimits.Text);
        b.Property(x => x.HiddenById).HasMaxLength(64);
        b.Property(x => x.AssignedToUserId).HasMaxLength(64);
        b.Property(x => x.Answer).HasMaxLength(TextLimits.Text);
        b.HasIndex(x => new { x.OrgUnitId, x.CreatedAt });
        b.HasIndex(x => new
        {
            x.Kind,
            x.AssignedToUserId,
            x.ClosedAt,
        });
        b.HasIndex(x => x.ActivityId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> b)
    {
        b.Property(x => x.ContentType).HasMaxLength(64);
        b.Property(x => x.Sha256).HasMaxLength(64);
        b.Property(x => x.CreatedById).HasMaxLength(64);
        b.HasIndex(x => new { x.OwnerKind, x.OwnerId });
        b.HasOne<PhotoContent>().WithOne().HasForeignKey<PhotoContent>(x => x.Id).OnDelete(DeleteBehavior.Cascade);
    }
}
