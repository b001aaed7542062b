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
