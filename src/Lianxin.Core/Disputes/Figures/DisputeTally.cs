using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Disputes.Figures;

/// <summary>One unit's dispute counts for one China calendar day, kept current in the same transaction
/// as every dispute step (<see cref="DisputeTallyRollup"/>), so the figures add up a few rows per unit and
/// day instead of reading every dispute's timeline. "Accepted" and "accepted and resolved" are counted on
/// the day of registration; the resolution columns on the day of the resolution; "referred" on the day of
/// the referral.
///
/// A dispute that was ever reopened, or referred more than once, may count twice within one period, which
/// additive counts cannot undo; such a dispute adds only its registration here and the figures count the
/// rest of it from its timeline (<see cref="DisputeFigureRules.Tally"/>).</summary>
public sealed class DisputeTally
{
    public Guid OrgUnitId { get; set; }
    public DateOnly Day { get; set; }
    public int Accepted { get; set; }
    public int AcceptedResolved { get; set; }
    public int Resolved { get; set; }
    public int ResolvedLevel1 { get; set; }
    public int ResolvedLevel2 { get; set; }
    public int ResolvedLevel3 { get; set; }
    public int ResolvedLevel4 { get; set; }
    public int Referred { get; set; }

    /// <summary>Sum over the disputes resolved this day of the time from registration to the resolution, in
    /// whole milliseconds: integers add and subtract back exactly, as the counts are kept.</summary>
    public long MillisecondsToResolve { get; set; }

    public OrgUnit? OrgUnit { get; private set; }

    internal bool IsZero =>
        Accepted == 0
        && AcceptedResolved == 0
        && Resolved == 0
        && ResolvedLevel1 == 0
        && ResolvedLevel2 == 0
        && ResolvedLevel3 == 0
        && ResolvedLevel4 == 0
        && Referred == 0
        && MillisecondsToResolve == 0;

    internal void Add(DisputeTally other, int sign)
    {
        Accepted += sign * other.Accepted;
        AcceptedResolved += sign * other.AcceptedResolved;
        Resolved += sign * other.Resolved;
        ResolvedLevel1 += sign * other.ResolvedLevel1;
        ResolvedLevel2 += sign * other.ResolvedLevel2;
        ResolvedLevel3 += sign * other.ResolvedLevel3;
        ResolvedLevel4 += sign * other.ResolvedLevel4;
        Referred += sign * other.Referred;
        MillisecondsToResolve += sign * other.MillisecondsToResolve;
    }
}

internal sealed class DisputeTallyConfiguration : IEntityTypeConfiguration<DisputeTally>
{
    public void Configure(EntityTypeBuilder<DisputeTally> b)
    {
        b.ToTable("DisputeDailyTallies");
        b.HasKey(x => new { x.OrgUnitId, x.Day });
        // The figures read a period across all units in scope.
        b.HasIndex(x => new { x.Day, x.OrgUnitId });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
