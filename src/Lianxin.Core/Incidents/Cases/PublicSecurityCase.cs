using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Incidents.Cases;

/// <summary>A public-security case (治安案件) handled within its limit: registered (optionally from an incident),
/// handled by an officer, concluded with a written conclusion.
///
/// Deadlines run in hours, not calendar days: a limit of N days ends N × 24 hours after registration, so a
/// simple case registered at 23:00 has a full day, not one hour. The limit is fixed at registration
/// (<see cref="LimitDays"/>), so a later change of the configured limits does not move a running case's
/// deadline. The warning point is 75% of the time (<see cref="WarnAt"/>); both instants are stored, so the
/// reminder sweep finds due cases from an index.</summary>
public sealed class PublicSecurityCase : Entity, IScoped
{
    public const double WarnShare = 0.75;

    /// <summary>案件编号, unique.</summary>
    public string Number { get; private set; } = "";
    public string Title { get; private set; } = "";
    public CaseKind Kind { get; private set; }
    public int LimitDays { get; private set; }
    public string? Summary { get; private set; }

    /// <summary>The unit that handles it (its data scope).</summary>
    public Guid OrgUnitId { get; private set; }
    public OrgUnit? OrgUnit { get; private set; }

    /// <summary>The incident it was opened from, if any.</summary>
    public Guid? IncidentId { get; private set; }

    /// <summary>The handling officer's account, when the officer has one, and the name shown.</summary>
    public string? HandlingOfficerId { get; private set; }
    public string HandlingOfficer { get; private set; } = "";

    public CaseStatus Status { get; private set; } = CaseStatus.Open;
    public DateTimeOffset RegisteredAt { get; private set; }
    public DateTimeOffset WarnAt { get; private set; }
    public DateTimeOffset DueAt { get; private set; }
    public DateTimeOffset? ConcludedAt { get; private set; }
    public string? Conclusion { get; private set; }

    /// <summary>When the 75% warning went to the station leaders; null until sent.</summary>
    public DateTimeOffset? WarnedAt { get; private set; }

    /// <summary>When the overdue notice went to the station leaders; null until sent.</summary>
    public DateTimeOffset? OverdueNotifiedAt { get; private set; }

    private PublicSecurityCase() { }

    public static PublicSecurityCase Register(
        string number,
        string title,
        CaseKind kind,
        int limitDays,
        Guid orgUnitId,
        Guid? incidentId,
        string? handlingOfficerId,
        string handlingOfficer,
        string? summary,
        DateTimeOffset at
    )
    {
        if (limitDays < 1)
            throw new ValidationFailedException("kind", "办理时限须至少 1 天");
        var c = new PublicSecurityCase
        {
            Number = number,
            Title = title,
            Kind = kind,
            LimitDays = limitDays,
            OrgUnitId = orgUnitId,
            IncidentId = incidentId,
            HandlingOfficerId = handlingOfficerId,
            HandlingOfficer = handlingOfficer,
            Summary = summary,
            RegisteredAt = at,
        };
        var span = TimeSpan.FromDays(limitDays);
        c.DueAt = at + span;
        c.WarnAt = at + TimeSpan.FromTicks((long)(span.Ticks * WarnShare));
        return c;
    }

    public bool IsOpen => Status == CaseStatus.Open;

    /// <summary>Open and past its deadline.</summary>
    public bool IsOverdue(DateTimeOffset now) => IsOpen && now >= DueAt;

    /// <summary>Open, past the 75% point, not yet overdue.</summary>
    public bool IsNearingLimit(DateTimeOffset now) => IsOpen && now >= WarnAt && now < DueAt;

    /// <summary>Time left (negative when overdue) for an open case; null once concluded.</summary>
    public TimeSpan? Remaining(DateTimeOffset now) => IsOpen ? DueAt - now : null;

    /// <summary>Concluded at or before the deadline.</summary>
    public bool ConcludedInTime => ConcludedAt is { } at && at <= DueAt;

    public IReadOnlyList<CaseAction> AllowedActions => CaseTransitions.Allowed(Status);

    public void Conclude(string conclusion, DateTimeOffset at)
    {
        Require(CaseAction.Conclude);
        if (string.IsNullOrWhiteSpace(conclusion))
            throw new ValidationFailedException("conclusion", "请填写办结情况");
        Status = CaseStatus.Concluded;
        Conclusion = conclusion.Trim();
        ConcludedAt = at;
    }

    /// <summary>Records that the 75% warning went out; a second call keeps the first time.</summary>
    public void MarkWarned(DateTimeOffset at)
    {
        Require(CaseAction.Warn);
        WarnedAt ??= at;
    }

    /// <summary>Records that the overdue notice went out. A case found overdue before its warning went out gets that
    /// notice only, and counts as warned then, so the sweep does not warn it afterwards.</summary>
    public void MarkOverdueNotified(DateTimeOffset at)
    {
        Require(CaseAction.NotifyOverdue);
        OverdueNotifiedAt ??= at;
        WarnedAt ??= at;
    }

    private void Require(CaseAction action)
    {
        if (!CaseTransitions.IsAllowed(Status, action))
            throw new ConflictException(CaseTransitions.RefusalMessage(Status, action));
    }
}

internal sealed class PublicSecurityCaseConfiguration : IEntityTypeConfiguration<PublicSecurityCase>
{
    public void Configure(EntityTypeBuilder<PublicSecurityCase> b)
    {
        b.Property(x => x.Number).HasMaxLength(TextLimits.Code);
        b.Property(x => x.Title).HasMaxLength(TextLimits.Title);
        b.Property(x => x.Summary).HasMaxLength(TextLimits.Text);
        b.Property(x => x.HandlingOfficerId).HasMaxLength(64);
        b.Property(x => x.HandlingOfficer).HasMaxLength(TextLimits.Name);
        b.Property(x => x.Conclusion).HasMaxLength(TextLimits.Text);
        b.HasIndex(x => x.Number).IsUnique();
        b.HasIndex(x => new { x.OrgUnitId, x.RegisteredAt });
        // The reminder sweep: open cases past their warning point or deadline.
        b.HasIndex(x => new { x.Status, x.WarnAt });
        b.HasIndex(x => new { x.Status, x.DueAt });
        b.HasIndex(x => x.IncidentId);
        b.HasOne(x => x.OrgUnit).WithMany().HasForeignKey(x => x.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
    }
}
