using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lianxin.Core.Incidents;

/// <summary>A person named in an incident (当事人), entered by hand or sent by the 110 system. Name, ID number and
/// phone are encrypted like the caller's, with blind indexes of the ID number and the phone and masked forms for
/// display. <see cref="PersonKey"/> tells people apart across incidents: the ID number's blind index when given,
/// else the phone's; <see cref="ReceivedAt"/> is the incident's, so (PersonKey, ReceivedAt) reads a window.</summary>
public sealed class IncidentParty
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid IncidentId { get; set; }
    public int Position { get; set; }
    public IncidentPartyRole Role { get; set; } = IncidentPartyRole.Party;

    public byte[]? NameCipher { get; private set; }
    public string? NameMasked { get; private set; }
    public byte[]? IdNumberCipher { get; private set; }
    public string? IdNumberHash { get; private set; }
    public string? IdNumberMasked { get; private set; }
    public byte[]? PhoneCipher { get; private set; }
    public string? PhoneHash { get; private set; }
    public string? PhoneMasked { get; private set; }

    /// <summary>Blind index of the ID number if given, else of the phone; null when neither is known.</summary>
    public string? PersonKey { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }

    public ProtectedText Name
    {
        get => new() { Cipher = NameCipher, Masked = NameMasked };
        set => (NameCipher, NameMasked) = (value.Cipher, value.Masked);
    }

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

    /// <summary>Sets <see cref="PersonKey"/> from the ID number and phone as they are now.</summary>
    public void Key() => PersonKey = IdNumberHash ?? PhoneHash;

    /// <summary>Stores the person's name, ID number and phone (the last two normalised, see <see cref="IncidentPartyRules"/>)
    /// encrypted, blind-indexed and masked, and keys the party by them; a field not given is cleared.</summary>
    public void SetPerson(PersonalDataProtector protector, string? name, string? idNumber, string? phone)
    {
        Name = name is null ? ProtectedText.Empty : protector.Protect(name, PersonName.Mask);
        IdNumber = idNumber is null ? ProtectedText.Empty : protector.Protect(idNumber, CitizenId.Mask);
        Phone = phone is null ? ProtectedText.Empty : protector.Protect(phone, PhoneNumber.Mask);
        Key();
    }
}

internal sealed class IncidentPartyConfiguration : IEntityTypeConfiguration<IncidentParty>
{
    public void Configure(EntityTypeBuilder<IncidentParty> b)
    {
        b.Property(x => x.NameMasked).HasMaxLength(TextLimits.Name);
        b.Property(x => x.IdNumberHash).HasMaxLength(64);
        b.Property(x => x.IdNumberMasked).HasMaxLength(32);
        b.Property(x => x.PhoneHash).HasMaxLength(64);
        b.Property(x => x.PhoneMasked).HasMaxLength(32);
        b.Property(x => x.PersonKey).HasMaxLength(64);
        b.Ignore(x => x.Name);
        b.Ignore(x => x.IdNumber);
        b.Ignore(x => x.Phone);
        b.HasIndex(x => new { x.IncidentId, x.Position });
        // The repeat check: the same person within the window.
        b.HasIndex(x => new { x.PersonKey, x.ReceivedAt });
        // The repeat check: a caller named as a party in earlier incidents within the window.
        b.HasIndex(x => new { x.PhoneHash, x.ReceivedAt });
        b.HasOne<Incident>().WithMany(i => i.Parties).HasForeignKey(x => x.IncidentId).OnDelete(DeleteBehavior.Cascade);
    }
}
