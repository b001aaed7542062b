using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Disputes.Figures;

/// <summary>One unit's dispute counts for one China calendar day, kept current in the same transaction
/// as every dispute step (<see cref="DisputeTallyRollup"/>), so the figures add up a few rows per unit and
/// day instead of reading any dispute's timeline. "Accepted" and "accepted and resolved" are counted on
/// the day of registration; the resolution columns on the day of the resolution; "referred" on the day of
/// the referral.
///
/// A dispute reopened, or referred more than once, has several steps of one kind, and a figure counts it once
/// in a period however many of them fall in it. Each such step is counted under the days of the dispute's
/// steps around it (<see cref="PreviousDay"/>, <see cref="NextDay"/>), and a period adds only the rows whose
/// neighbours fall outside it: the one step that stands for the dispute in that period. A dispute with one
/// step of each kind has no neighbours, and its rows count in every period that holds their day.</summary>
public sealed class DisputeTally
{
    public Guid OrgUnitId { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>The row counts only in a period that starts after this day (the dispute's earlier step that
    /// would stand for it instead); <see cref="DateOnly.MinValue"/> when there is none.</summary>
    public DateOnly PreviousDay { get; set; } = DateOnly.MinValue;

    /// <summary>The row counts only in a period that ends before this day (the dispute's later step that
    /// would stand for it instead); <see cref="DateOnly.MaxValue"/> when there is none.</summary>
    public DateOnly NextDay { get; set; } = DateOnly.MaxValue;

    public int Accepted { get; set; }
    public int AcceptedResolved { get; set; }
    public int Resolved { get; set; }
    public int ResolvedLevel1 { get; set; }
    public int ResolvedLevel2 { get; set; }
    public int ResolvedLevel3 { get; set; }
    public int ResolvedLevel4 { get; set; }
    public int Referred { get; set; }

    /// <summary>Resolved this day and reopened later (a recurrence).</summary>
    public int Recurred { get; set; }

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
        && Recurred == 0
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
        Recurred += sign * other.Recurred;
        MillisecondsToResolve += sign * other.MillisecondsToResolve;
    }
}

internal sealed class DisputeTallyConfiguration : IEntityTypeConfiguration<DisputeTally>
{
    public void Configure(EntityTypeBuilder<DisputeTally> b)
    {
        b.ToTable("DisputeDailyTallies");
        b.HasKey(x => new
        {
            x.OrgUnitId,
            x.Day,
            x.PreviousDay,
            x.NextDay,
        });
        // The figures read a period across all units in scope.
        b.HasIndex(x => new { x.Day, x.OrgUnitId });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
