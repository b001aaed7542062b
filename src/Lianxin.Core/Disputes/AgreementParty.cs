using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes;

/// <summary>A party as the agreement names it (People's Mediation Law art. 29: the parties' basic
/// facts): a person with gender, age and ID number, or an organisation with its representative.
/// Taken from the dispute and the residents registry when the agreement is drafted, then edited on
/// the agreement itself; the registry is not changed. The ID number is held only encrypted.</summary>
public sealed class AgreementParty
{
    public const int MaxAge = 150;

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary>Order on the agreement (applicant first, as entered); rows come back from the database in any order.</summary>
    public int Position { get; private set; }
    public PartyRole Role { get; private set; }
    public Guid? ResidentId { get; private set; }

    /// <summary>The person's name; for an organisation, its representative (法定代表人或主要负责人).</summary>
    public string Name { get; private set; } = "";
    public string? OrganizationName { get; private set; }
    public Gender Gender { get; private set; }
    public int? Age { get; private set; }
    public string? Address { get; private set; }
    public byte[]? IdNumberCipher { get; private set; }
    public string? IdNumberMasked { get; private set; }

    private AgreementParty() { }

    internal static AgreementParty Create(
        int position,
        PartyRole role,
        string name,
        string? organizationName,
        Gender gender,
        int? age,
        string? address,
        ProtectedText idNumber,
        Guid? residentId
    ) =>
        new()
        {
            Position = position,
            Role = role,
            Name = name,
            OrganizationName = organizationName,
            Gender = gender,
            Age = age,
            Address = address,
            IdNumberCipher = idNumber.Cipher,
            IdNumberMasked = idNumber.Masked,
            ResidentId = residentId,
        };

    public bool IsOrganization => OrganizationName is not null;

    public ProtectedText IdNumber => new() { Cipher = IdNumberCipher, Masked = IdNumberMasked };
}
