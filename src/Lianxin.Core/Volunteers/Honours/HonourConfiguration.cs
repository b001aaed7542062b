using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Volunteers.Honours;

internal sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(EntityTypeBuilder<TrainingSession> b)
    {
        b.Property(x => x.Title).HasMaxLength(TextLimits.Title);
        b.Property(x => x.Topic).HasMaxLength(TextLimits.Text);
        b.Property(x => x.Trainer).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Place).HasMaxLength(TextLimits.Address);
        b.HasIndex(x => new { x.OrgUnitId, x.StartsAt });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TrainingAttendanceConfiguration : IEntityTypeConfiguration<TrainingAttendance>
{
    public void Configure(EntityTypeBuilder<TrainingAttendance> b)
    {
        b.Property(x => x.CertificateNumber).HasMaxLength(TextLimits.Code);
        b.Property(x => x.RecordedById).HasMaxLength(64);
        b.HasIndex(x => new { x.SessionId, x.VolunteerId }).IsUnique();
        b.HasIndex(x => x.VolunteerId);
        b.HasIndex(x => x.CertificateNumber).IsUnique();
        b.HasOne<TrainingSession>().WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Volunteer).WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }
}
