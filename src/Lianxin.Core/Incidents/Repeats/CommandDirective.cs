using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Incidents.Repeats;

/// <summary>A command directive (指令) from above: what the county asked the station to look at that week.</summary>
public sealed class CommandDirective : Entity, IScoped
{
    public Guid OrgUnitId { get; init; }
    public OrgUnit? OrgUnit { get; init; }
    public string Number { get; init; } = "";
    public DateOnly IssuedOn { get; init; }
    public string? Address { get; init; }
    public string? AddressKey { get; init; }
    public string? Category { get; init; }
    public string Content { get; init; } = "";
}
