using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Organization;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> b)
    {
        b.Property(x => x.Code).HasMaxLength(TextLimits.Code);
        b.Property(x => x.Name).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Path).HasMaxLength(400);
        b.HasIndex(x => x.Code).IsUnique();
        b.HasIndex(x => x.Path);
        b.HasIndex(x => x.ParentId);
        b.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> b)
    {
        b.Property(x => x.Name).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Organization).HasMaxLength(TextLimits.Title);
        b.Property(x => x.Note).HasMaxLength(TextLimits.Text);
        b.Property(x => x.PhoneHash).HasMaxLength(32);
        b.Property(x => x.PhoneMasked).HasMaxLength(32);
        b.Property(x => x.UserId).HasMaxLength(64);
        b.Ignore(x => x.Phone);
        b.HasIndex(x => x.PhoneHash);
        b.HasIndex(x => x.OrgUnitId);
        b.HasIndex(x => x.UserId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> b)
    {
        b.Property(x => x.Name).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Address).HasMaxLength(TextLimits.Address);
        b.Property(x => x.AddressKey).HasMaxLength(TextLimits.Address);
        b.Property(x => x.IdNumberHash).HasMaxLength(32);
        b.Property(x => x.IdNumberMasked).HasMaxLength(32);
        b.Property(x => x.PhoneHash).HasMaxLength(32);
        b.Property(x => x.PhoneMasked).HasMaxLength(32);
        b.Ignore(x => x.IdNumber);
        b.Ignore(x => x.Phone);
        b.HasIndex(x => x.IdNumberHash).IsUnique();
        b.HasIndex(x => x.PhoneHash);
        b.HasIndex(x => x.AddressKey);
        b.HasIndex(x => new { x.OrgUnitId, x.Name });
        // A station's residents newest first (ids are time-ordered): the ledger's first page reads 20 entries of this
        // index instead of walking the primary key past other stations' newer rows.
        b.HasIndex(x => new { x.StationId, x.Id });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
