using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

public sealed record AgreementPartyView(
    Guid Id,
    PartyRole Role,
    string Name,
    string? OrganizationName,
    Gender Gender,
    int? Age,
    string? IdNumberMasked,
    string? Address,
    Guid? ResidentId
)
{
    public static AgreementPartyView From(AgreementParty p) =>
        new(p.Id, p.Role, p.Name, p.OrganizationName, p.Gender, p.Age, p.IdNumberMasked, p.Address, p.ResidentId);
}
