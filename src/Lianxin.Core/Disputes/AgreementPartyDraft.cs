using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

/// <summary>One party as entered for the agreement, its ID number already checked and encrypted.</summary>
public sealed record AgreementPartyDraft(
    PartyRole? Role,
    string? Name,
    string? OrganizationName,
    Gender? Gender,
    int? Age,
    string? Address,
    ProtectedText IdNumber,
    Guid? ResidentId
);
