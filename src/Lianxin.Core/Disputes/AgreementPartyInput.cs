using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

/// <summary>A party of the agreement. <see cref="IdNumber"/> follows the residents' rule: null keeps the
/// stored number (the party's own, matched by <see cref="Id"/>, or else the registry's for
/// <see cref="ResidentId"/>), an empty string clears it, anything else is checked and stored encrypted.
/// Blank gender, age and address are taken from the registry.</summary>
public sealed record AgreementPartyInput(
    PartyRole? Role,
    string? Name,
    string? OrganizationName = null,
    Gender? Gender = null,
    int? Age = null,
    string? IdNumber = null,
    string? Address = null,
    Guid? ResidentId = null,
    Guid? Id = null
);
