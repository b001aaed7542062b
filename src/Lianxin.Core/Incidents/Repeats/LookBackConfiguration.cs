using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Incidents.Repeats;

internal sealed class LookBackPlanConfiguration : IEntityTypeConfiguration<LookBackPlan>
{
    public void Configure(EntityTypeBuilder<LookBackPlan> b)
    {
        b.Property(x => x.Address).HasMaxLength(TextLimits.Address);
        b.Property(x => x.AddressKey).HasMaxLength(TextLimits.Address);
        b.Property(x => x.Note).HasMaxLength(TextLimits.Text);
        b.HasIndex(x => new { x.OrgUnitId, x.DealtOn });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Tasks).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(x => x.Tasks).AutoInclude();
    }
}

internal sealed class LookBackTaskConfiguration : IEntityTypeConfiguration<LookBackTask>
{
    public void Configure(EntityTypeBuilder<LookBackTask> b)
    {
        b.Property(x => x.AssigneeId).HasMaxLength(64);
        b.Property(x => x.DoneById).HasMaxLength(64);
        b.Property(x => x.ResultNote).HasMaxLength(TextLimits.Text);
        // The reminder sweep reads open tasks coming due.
        b.HasIndex(x => new
        {
            x.DoneAt,
            x.RemindedAt,
            x.DueAt,
        });
    }
}

internal sealed class CommandDirectiveConfiguration : IEntityTypeConfiguration<CommandDirective>
{
    public void Configure(EntityTypeBuilder<CommandDirective> b)
    {
        b.Property(x => x.Number).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Address).HasMaxLength(TextLimits.Address);
        b.Property(x => x.AddressKey).HasMaxLength(TextLimits.Address);
        b.Property(x => x.Category).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Content).HasMaxLength(TextLimits.Text);
        b.HasIndex(x => new { x.OrgUnitId, x.Number }).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.IssuedOn });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
