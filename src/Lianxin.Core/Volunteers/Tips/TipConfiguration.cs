using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Volunteers.Tips;

internal sealed class TipConfiguration : IEntityTypeConfiguration<Tip>
{
    public void Configure(EntityTypeBuilder<Tip> b)
    {
        b.Property(x => x.Number).HasMaxLength(TextLimits.Code);
        b.Property(x => x.CategoryCode).HasMaxLength(TextLimits.Code);
        b.Property(x => x.Address).HasMaxLength(TextLimits.Address);
        b.Property(x => x.Body).HasMaxLength(TextLimits.Text);
        b.Property(x => x.SenderUserId).HasMaxLength(64);
        b.Property(x => x.SenderName).HasMaxLength(TextLimits.Name);
        b.Property(x => x.OwnerKey).HasMaxLength(64);
        b.Property(x => x.LookupKey).HasMaxLength(64);
        b.Property(x => x.HandlerId).HasMaxLength(64);
        b.Property(x => x.CheckNote).HasMaxLength(TextLimits.Text);
        b.Property(x => x.OutcomeText).HasMaxLength(TextLimits.Text);
        b.Property(x => x.Feedback).HasMaxLength(TextLimits.Text);
        b.Property(x => x.DismissReason).HasMaxLength(TextLimits.Text);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.CreatedAt });
        b.HasIndex(x => new { x.Status, x.CreatedAt });
        b.HasIndex(x => x.SenderUserId);
        b.HasIndex(x => x.OwnerKey);
        b.HasIndex(x => x.LookupKey).IsUnique();
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
