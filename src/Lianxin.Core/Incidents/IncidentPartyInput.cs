using Lianxin.Core.Common;

namespace Lianxin.Core.Incidents;

/// <summary>A person named in an incident: role (default 当事人), name, 18-digit ID number, phone; at least a name,
/// an ID number or a phone. On an edit, <see cref="Id"/> names a stored party of the incident: with no name, ID
/// number or phone it is kept as stored (its role may change), with any of them it is replaced.</summary>
public sealed record IncidentPartyInput(IncidentPartyRole? Role, string? Name, string? IdNumber, string? Phone, Guid? Id = null)
{
    public bool KeepsStored() =>
        Id is not null && Checks.Clean(Name) is null && Checks.Clean(IdNumber) is null && Checks.Clean(Phone) is null;
}
