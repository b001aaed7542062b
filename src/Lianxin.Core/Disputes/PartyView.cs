namespace Lianxin.Core.Disputes;

public sealed record PartyView(
    Guid Id,
    PartyRole Role,
    string DisplayName,
    Guid? ResidentId,
    string? OrganizationName,
    bool IsVulnerable,
    string? Note
)
{
    public static PartyView From(DisputeParty p) =>
        new(p.Id, p.Role, p.DisplayName, p.ResidentId, p.OrganizationName, p.IsVulnerable, p.Note);
}
