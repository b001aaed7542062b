using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>A repeated-incident group (重复警情组): incidents connected by shared keys — an address, a caller's phone or
/// a party — where each key met the rule (<see cref="RepeatOptions.MinCount"/> incidents within
/// <see cref="RepeatOptions.WindowDays"/> days). One problem is one group: an incident that shares a key with a group, or
/// whose earlier incidents are in one, joins it; one that touches two open groups merges them (<see cref="Absorb"/>).
/// <see cref="Keys"/> lists every key that joined and which incident brought it; <see cref="Kind"/>, <see cref="Key"/>
/// and <see cref="Label"/> are those of the key that opened it. A group stays open while its newest incident lies
/// within the window; after a quiet spell the next incident starts a new one. Its scope is the place of the incident
/// that opened it.</summary>
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
    public List<RepeatClusterKey> Keys { get; private set; } = [];
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

    /// <summary>Adds an incident as a member (to be inserted), joined by the key given, and widens the cluster's time
    /// span to hold it.</summary>
    public void Take(Guid incidentId, DateTimeOffset receivedAt, RepeatClusterKind? kind = null, string? key = null)
    {
        Members.Add(
            new RepeatClusterMember
            {
                ClusterId = Id,
                IncidentId = incidentId,
                JoinedKind = kind ?? Kind,
                JoinedKey = key ?? Key,
            }
        );
        Widen(receivedAt, receivedAt);
    }

    /// <summary>Takes over a member of a group merged into this one, with the key it joined by (the span was widened by
    /// <see cref="Absorb"/>).</summary>
    public void Adopt(Guid incidentId, RepeatClusterKind? kind, string? key) =>
        Members.Add(
            new RepeatClusterMember
            {
                ClusterId = Id,
                IncidentId = incidentId,
                JoinedKind = kind,
                JoinedKey = key,
            }
        );

    /// <summary>Records a key that joined the group (to be inserted) and the incident that brought it.</summary>
    public void AddKey(RepeatClusterKind kind, string key, string label, Guid incidentId) =>
        Keys.Add(
            new RepeatClusterKey
            {
                ClusterId = Id,
                Kind = kind,
                Key = key,
                Label = label.Length > TextLimits.Address ? label[..TextLimits.Address] : label,
                IncidentId = incidentId,
            }
        );

    /// <summary>Takes over what another group held when the two merge (this one, the older, survives; the caller adds
    /// the other's members and keys and removes it): its time span; its place on the focus list when this one was not
    /// on it, or, when both were, the more open status and the earlier start (the owner stays this one's); and its
    /// dispute when this one had none. When both had a dispute this one keeps its own: the other stays visible on the
    /// group through its incidents, which carry it.</summary>
    public void Absorb(RepeatCluster other)
    {
        Widen(other.FirstAt, other.LastAt);
        if (other.OnFocusList)
        {
            if (!OnFocusList)
            {
                OnFocusList = true;
                FocusOwnerId = other.FocusOwnerId;
                FocusStatus = other.FocusStatus;
                FocusSince = other.FocusSince;
            }
            else
            {
                if (other.FocusStatus is { } theirs && (FocusStatus is null || theirs < FocusStatus))
                    FocusStatus = theirs;
                if (other.FocusSince is { } since && (FocusSince is null || since < FocusSince))
                    FocusSince = since;
            }
        }
        DisputeId ??= other.DisputeId;
    }

    private void Widen(DateTimeOffset first, DateTimeOffset last)
    {
        if (first < FirstAt)
            FirstAt = first.ToUniversalTime();
        if (last > LastAt)
            LastAt = last.ToUniversalTime();
    }

    /// <summary>Sets how many incidents the cluster holds, stored and new. A cluster that grew after it was settled is
    /// back on the list's open work.</summary>
    public void Counted(int incidents)
    {
        IncidentCount = incidents;
        if (FocusTransitions.IsAllowed(FocusStatus, FocusAction.GrowAgain))
            FocusStatus = Repeats.FocusStatus.Open;
    }

    /// <summary>Sets the count after a merge by upkeep: nothing new arrived, so a settled group stays settled.</summary>
    internal void Recount(int incidents) => IncidentCount = incidents;

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
    /// <summary>Records the dispute opened from the group; a later one (opened after the officer confirmed) takes its place
    /// here, the earlier staying linked from the later dispute and from the incidents it holds.</summary>
    public void LinkDispute(Guid disputeId) => DisputeId = disputeId;

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
        b.HasMany(x => x.Keys).WithOne().HasForeignKey(k => k.ClusterId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RepeatClusterKeyConfiguration : IEntityTypeConfiguration<RepeatClusterKey>
{
    public void Configure(EntityTypeBuilder<RepeatClusterKey> b)
    {
        b.HasKey(x => new
        {
            x.ClusterId,
            x.Kind,
            x.Key,
        });
        b.Property(x => x.Key).HasMaxLength(TextLimits.Address);
        b.Property(x => x.Label).HasMaxLength(TextLimits.Address);
        // The intake check finds the open group of a key through its keys.
        b.HasIndex(x => new { x.Kind, x.Key });
    }
}

internal sealed class RepeatClusterMemberConfiguration : IEntityTypeConfiguration<RepeatClusterMember>
{
    public void Configure(EntityTypeBuilder<RepeatClusterMember> b)
    {
        b.HasKey(x => new { x.ClusterId, x.IncidentId });
        b.Property(x => x.JoinedKey).HasMaxLength(TextLimits.Address);
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
