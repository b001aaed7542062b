using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Volunteers.Activities;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.Property(x => x.Title).HasMaxLength(TextLimits.Title);
        b.Property(x => x.Description).HasMaxLength(TextLimits.Text);
        b.Property(x => x.Place).HasMaxLength(TextLimits.Address);
        b.Property(x => x.CancelReason).HasMaxLength(TextLimits.Text);
        b.Property(x => x.OrganizerId).HasMaxLength(64);
        b.Property(x => x.OrganizerName).HasMaxLength(TextLimits.Name);
        b.Ignore(x => x.HasLocation);
        // The volunteer's list: published and not yet over, in the units above them; the staff ledger: by unit and time.
        b.HasIndex(x => new { x.Status, x.EndsAt });
        b.HasIndex(x => new { x.OrgUnitId, x.StartsAt });
        b.HasIndex(x => x.StartsAt);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.TargetSquads).WithOne().HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Signups).WithOne(x => x.Activity).HasForeignKey(x => x.ActivityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ActivitySquadConfiguration : IEntityTypeConfiguration<ActivitySquad>
{
    public void Configure(EntityTypeBuilder<ActivitySquad> b)
    {
        b.HasKey(x => new { x.ActivityId, x.SquadId });
        b.HasIndex(x => x.SquadId);
        b.HasOne<Squad>().WithMany().HasForeignKey(x => x.SquadId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ActivitySignupConfiguration : IEntityTypeConfiguration<ActivitySignup>
{
    public void Configure(EntityTypeBuilder<ActivitySignup> b)
    {
        b.Property(x => x.DecidedById).HasMaxLength(64);
        b.Property(x => x.Reason).HasMaxLength(TextLimits.Text);
        b.Ignore(x => x.Holds);
        b.HasIndex(x => new { x.ActivityId, x.VolunteerId }).IsUnique();
        b.HasIndex(x => new { x.VolunteerId, x.Status });
        b.HasOne(x => x.Volunteer).WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }
}
