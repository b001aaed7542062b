using Lianxin.Core.Common;

namespace Lianxin.Core.Organization;

/// <summary>A resident of the jurisdiction. The ID number and phone are held only encrypted, with a
/// keyed hash for exact lookup and a mask for display.</summary>
public sealed class Resident : Entity, IScoped, IStationed
{
    public string Name { get; set; } = "";
    public Gender Gender { get; set; }
    public DateOnly? BirthDate { get; set; }
    public byte[]? IdNumberCipher { get; private set; }
    public string? IdNumberHash { get; private set; }
    public string? IdNumberMasked { get; private set; }
    public byte[]? PhoneCipher { get; private set; }
    public string? PhoneHash { get; private set; }
    public string? PhoneMasked { get; private set; }
    public string? Address { get; set; }

    /// <summary>Normalised address (see AddressNormalizer) so repeat analysis can match writings of one place.</summary>
    public string? AddressKey { get; set; }

    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }

    /// <summary>The station over <see cref="OrgUnitId"/>: set by the context on every save that places the resident, by
    /// bulk writers' callers, and by a unit's move; never set by hand.</summary>
    public Guid? StationId { get; set; }
    public List<string> Tags { get; set; } = [];

    public ProtectedText IdNumber
    {
        get => ProtectedText.Of(IdNumberCipher, IdNumberHash, IdNumberMasked);
        set => (IdNumberCipher, IdNumberHash, IdNumberMasked) = (value.Cipher, value.Hash, value.Masked);
    }

    public ProtectedText Phone
    {
        get => ProtectedText.Of(PhoneCipher, PhoneHash, PhoneMasked);
        set => (PhoneCipher, PhoneHash, PhoneMasked) = (value.Cipher, value.Hash, value.Masked);
    }
}
