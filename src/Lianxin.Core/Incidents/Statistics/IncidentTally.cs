using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Incidents.Statistics;

/// <summary>Incident counts of one unit (the incident's scope unit, <see cref="Incident.OrgUnitId"/>), one top-level
/// category and one China calendar day or month, kept current in the same transaction as every save that adds,
/// moves or reclassifies an incident (<see cref="IncidentTallyRollup"/>).
///
/// Every incident is in exactly one day row and one month row. A period's statistics sum the month rows of the
/// whole months inside it and the day rows of the days left at its ends, so a year of a county is a few
/// thousand rows however many incidents it had. Hour of day and day of week are columns, not keys, so they
/// add up over any set of rows like the other counts.</summary>
public sealed class IncidentTally
{
    public Guid OrgUnitId { get; set; }
    public IncidentTallySpan Span { get; set; }

    /// <summary>The day, or the first day of the month.</summary>
    public DateOnly Day { get; set; }

    /// <summary>The top level of the category (类别).</summary>
    public string CategoryCode { get; set; } = "";

    public int Total { get; set; }
    public int Valid { get; set; }
    public int Repeat { get; set; }
    public int Invalid { get; set; }
    public int Preventable { get; set; }

    /// <summary>By hour of day received (China time), 0 to 23.</summary>
    public int H00 { get; set; }
    public int H01 { get; set; }
    public int H02 { get; set; }
    public int H03 { get; set; }
    public int H04 { get; set; }
    public int H05 { get; set; }
    public int H06 { get; set; }
    public int H07 { get; set; }
    public int H08 { get; set; }
    public int H09 { get; set; }
    public int H10 { get; set; }
    public int H11 { get; set; }
    public int H12 { get; set; }
    public int H13 { get; set; }
    public int H14 { get; set; }
    public int H15 { get; set; }
    public int H16 { get; set; }
    public int H17 { get; set; }
    public int H18 { get; set; }
    public int H19 { get; set; }
    public int H20 { get; set; }
    public int H21 { get; set; }
    public int H22 { get; set; }
    public int H23 { get; set; }

    /// <summary>By day of week received (China time), Monday to Sunday.</summary>
    public int Mon { get; set; }
    public int Tue { get; set; }
    public int Wed { get; set; }
    public int Thu { get; set; }
    public int Fri { get; set; }
    public int Sat { get; set; }
    public int Sun { get; set; }

    public OrgUnit? OrgUnit { get; private set; }
}

internal sealed class IncidentTallyConfiguration : IEntityTypeConfiguration<IncidentTally>
{
    public void Configure(EntityTypeBuilder<IncidentTally> b)
    {
        b.ToTable("IncidentTallies");
        b.HasKey(x => new
        {
            x.OrgUnitId,
            x.Span,
            x.Day,
            x.CategoryCode,
        });
        b.Property(x => x.CategoryCode).HasMaxLength(Common.TextLimits.Code);
        // Statistics read a span's rows over a range of days across the units in scope.
        b.HasIndex(x => new
        {
            x.Span,
            x.Day,
            x.OrgUnitId,
        });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
