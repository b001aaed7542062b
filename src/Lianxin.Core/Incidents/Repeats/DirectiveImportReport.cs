using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>A directive import that refused rows, kept so the rows' problems can be downloaded as a report
/// (行号、列、原因) and fixed in the file. Reports older than <see cref="KeptDays"/> days are removed by the next import.</summary>
public sealed class DirectiveImportReport : Entity, IScoped
{
    public const int KeptDays = 30;

    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public string FileName { get; set; } = "";
    public int Lines { get; set; }
    public int Added { get; set; }
    public int AlreadyThere { get; set; }
    public List<DirectiveImportProblem> Problems { get; set; } = [];
}

internal sealed class DirectiveImportReportConfiguration : IEntityTypeConfiguration<DirectiveImportReport>
{
    public void Configure(EntityTypeBuilder<DirectiveImportReport> b)
    {
        b.ToTable("DirectiveImportReports");
        b.Property(x => x.FileName).HasMaxLength(TextLimits.Address);
        b.HasIndex(x => x.CreatedAt);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Problems).WithOne().HasForeignKey(p => p.ReportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DirectiveImportProblemConfiguration : IEntityTypeConfiguration<DirectiveImportProblem>
{
    public void Configure(EntityTypeBuilder<DirectiveImportProblem> b)
    {
        b.ToTable("DirectiveImportProblems");
        b.HasKey(x => new { x.ReportId, x.Seq });
        b.Property(x => x.Seq).ValueGeneratedNever();
        b.Property(x => x.Field).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Reason).HasMaxLength(TextLimits.Title);
    }
}
