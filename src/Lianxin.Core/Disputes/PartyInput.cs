namespace Lianxin.Core.Disputes;

public sealed record PartyInput(
    PartyRole? Role,
    string? Name,
    Guid? ResidentId,
    string? OrganizationName,
    bool IsVulnerable = false,
    string? Note = null
);
