using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Repeated incidents (重复警情): incidents that share an address, a caller or a party, at least
/// <see cref="RepeatOptions.MinCount"/> of them within <see cref="RepeatOptions.WindowDays"/> days. A cluster
/// stays open for new incidents while the newest lies within the window; after a quiet spell the next
/// incident starts a new cluster. Its scope is the place of the incident that opened it.</summary>
public sealed class RepeatCluster : Entity, IScoped
{
    public RepeatClusterKind Kind { get; init; }

    /// <summary>Address key, phone blind index or party id; for matching, never shown.</summary>
    public string Key { get; init; } = "";

    /// <summary>What people see: the address as first written, or the masked phone.</summary>
    public string Label { get; init; } = "";
    public Guid OrgUnitId { get; init; }
    public OrgUnit? OrgUnit { get; private set; }
    public DateTimeOffset FirstAt { get; private set; }
    public DateTimeOffset LastAt { get; private set; }
    public int IncidentCount { get; private set; }
    public string? CategoryCode { get; init; }

    public bool OnFocusList { get; private set; }
    public string? FocusOwnerId { get; private set; }
    public FocusStatus? FocusStatus { get; private set; }
    public DateTimeOffset? FocusSince { get; private set; }

    /// <summary>The dispute opened from this cluster (一键转纠纷), if any.</summary>
    public Guid? DisputeId { get; private set; }

    public List<RepeatClusterMember> Members { get; private set; } = [];
    public List<FocusNote> Notes { get; private set; } = [];

    private RepeatCluster() { }

    /// <summary>A cluster opened by the repeat check, spanning its first incidents' times; members join by <see cref="Take"/>.</summary>
    public static RepeatCluster Open(
        RepeatClusterKind kind,
        string key,
        string label,
        Guid orgUnitId,
        string? categoryCode,
        DateTimeOffset firstAt,
        DateTimeOffset lastAt
    ) =>
        new()
        {
            Kind = kind,
            Key = key,
            Label = label,
            OrgUnitId = orgUnitId,
            CategoryCode = categoryCode,
            FirstAt = firstAt.ToUniversalTime(),
            LastAt = lastAt.ToUniversalTime(),
        };

    /// <summary>Adds an incident as a member (to be inserted) and widens the cluster's time span to hold it.</summary>
    public void Take(Guid incidentId, DateTimeOffset receivedAt)
    {
        Members.Add(new RepeatClusterMember { ClusterId = Id, IncidentId = incidentId });
        if (receivedAt < FirstAt)
            FirstAt = receivedAt.ToUniversalTime();
        if (receivedAt > LastAt)
            LastAt = receivedAt.ToUniversalTime();
    }

    /// <summary>Sets how many incidents the cluster holds, stored and new. A cluster that grew after it was settled is
    /// back on the list's open work.</summary>
    public void Counted(int incidents)
    {
        IncidentCount = incidents;
        if (FocusTransitions.IsAllowed(FocusStatus, FocusAction.GrowAgain))
            FocusStatus = Repeats.FocusStatus.Open;
    }

    public IReadOnlyList<FocusAction> AllowedActions => FocusTransitions.Allowed(FocusStatus);

    public void AddToFocus(string ownerId, DateTimeOffset at)
    {
        Require(FocusAction.AddToFocus);
        OnFocusList = true;
        FocusStatus = Repeats.FocusStatus.Open;
        FocusOwnerId = ownerId;
        FocusSince = at;
    }

    public void ChangeOwner(string ownerId)
    {
        Require(FocusAction.ChangeOwner);
        FocusOwnerId = ownerId;
    }

    public void ChangeStatus(FocusStatus status)
    {
        Require(FocusAction.ChangeStatus);
        if (!Enum.IsDefined(status))
            throw new ValidationFailedException("status", "状态无效");
        FocusStatus = status;
    }

    /// <summary>Checks that a follow-up note may be added; the note itself is a record of its own.</summary>
    public void RequireNote() => Require(FocusAction.AddNote);

    /// <summary>Records the dispute opened from the cluster; a cluster is turned into a dispute once.</summary>
    public void LinkDispute(Guid disputeId)
    {
        if (DisputeId is not null)
            throw new ConflictException("该重复警情已转为纠纷");
        DisputeId = disputeId;
    }

    private void Require(FocusAction action)
    {
        if (!FocusTransitions.IsAllowed(FocusStatus, action))
            throw new ConflictException(FocusTransitions.RefusalMessage(FocusStatus, action));
    }
}

internal sealed class RepeatClusterConfiguration : IEntityTypeConfiguration<RepeatCluster>
{
    public void Configure(EntityTypeBuilder<RepeatCluster> b)
    {
        b.Property(x => x.Key).HasMaxLength(TextLimits.Address);
        b.Property(x => x.Label).HasMaxLength(TextLimits.Address);
        b.Property(x => x.CategoryCode).HasMaxLength(TextLimits.Code);
        b.Property(x => x.FocusOwnerId).HasMaxLength(64);
        // The intake check finds the open cluster of a key; the pages list a unit's clusters newest first.
        b.HasIndex(x => new
        {
            x.Kind,
            x.Key,
            x.LastAt,
        });
        b.HasIndex(x => new { x.OrgUnitId, x.LastAt });
        b.HasIndex(x => new { x.OnFocusList, x.LastAt });
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(x => x.Members).WithOne().HasForeignKey(m => m.ClusterId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(x => x.Notes).WithOne().HasForeignKey(n => n.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RepeatClusterMemberConfiguration : IEntityTypeConfiguration<RepeatClusterMember>
{
    public void Configure(EntityTypeBuilder<RepeatClusterMember> b)
    {
        b.HasKey(x => new { x.ClusterId, x.IncidentId });
        b.HasIndex(x => x.IncidentId);
        b.HasOne<Incident>().WithMany().HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FocusNoteConfiguration : IEntityTypeConfiguration<FocusNote>
{
    public void Configure(EntityTypeBuilder<FocusNote> b)
    {
        b.Property(x => x.ById).HasMaxLength(64);
        b.Property(x => x.ByName).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Text).HasMaxLength(TextLimits.Text);
        b.HasIndex(x => new { x.ClusterId, x.At });
    }
}

internal sealed class RepeatDigestConfiguration : IEntityTypeConfiguration<RepeatDigest>
{
    public void Configure(EntityTypeBuilder<RepeatDigest> b) => b.HasKey(x => new { x.StationId, x.WeekStart });
}
