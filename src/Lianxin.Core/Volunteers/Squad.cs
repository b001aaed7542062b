using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Volunteers;

/// <summary>A squad (中队) of volunteers organised by need and talent: emergency rescue, grid,
/// mediation, patrol, publicity, school guard; also household-head patrol teams (百户义防) and
/// joint-defence teams with partner enterprises, which are squads of their own kinds.</summary>
public sealed class Squad : Entity, IScoped
{
    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public string Name { get; set; } = "";

    /// <summary>Dictionary code (category <see cref="VolunteerDictionaries.SquadType"/>).</summary>
    public string TypeCode { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>For a joint-defence team: the partner enterprise and its agreement.</summary>
    public string? PartnerName { get; set; }
    public DateOnly? AgreementFrom { get; set; }
    public DateOnly? AgreementTo { get; set; }

    public bool IsActive { get; set; } = true;
}

public enum SquadRole
{
    Member = 1,       // 队员
    DeputyLeader = 2, // 副队长
    Leader = 3,       // 队长
}

public sealed class SquadMember
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SquadId { get; set; }
    public Guid VolunteerId { get; set; }
    public Volunteer? Volunteer { get; set; }
    public SquadRole Role { get; set; } = SquadRole.Member;
    public DateTimeOffset JoinedAt { get; set; }
}

/// <summary>What a volunteer earned: hours and points, one row per source. The ranking, the honours and
/// the figures read this ledger only.</summary>
public sealed class VolunteerCredit
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VolunteerId { get; set; }

    /// <summary>The unit of the volunteer when credited, for figures by unit.</summary>
    public Guid OrgUnitId { get; set; }
    public CreditSource Source { get; set; }

    /// <summary>The activity, tip or training that earned it; null for a manual adjustment.</summary>
    public Guid? SourceId { get; set; }
    public int Minutes { get; set; }
    public int Points { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ById { get; set; }
}

public enum CreditSource
{
    Activity = 1,
    Tip = 2,
    Training = 3,
    Adjustment = 4,
}
