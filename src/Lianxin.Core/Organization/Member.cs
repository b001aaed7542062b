using Lianxin.Core.Common;

namespace Lianxin.Core.Organization;

/// <summary>A person who works or helps: officer, auxiliary, household head, volunteer, partner of
/// the "1+8+N" forces. Belongs to one home unit (for scope) and may serve several others.</summary>
public sealed class Member : Entity, IScoped
{
    public string Name { get; set; } = "";
    public Gender Gender { get; set; }
    public MemberKind Kind { get; set; }
    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }

    /// <summary>For partners: the organisation they represent (司法所, 县法院, 某律师事务所).</summary>
    public string? Organization { get; set; }

    /// <summary>Dictionary codes of the member's skills (category "skill").</summary>
    public List<string> Skills { get; set; } = [];

    /// <summary>Other units the member serves, e.g. the villages a community officer covers.</summary>
    public List<Guid> ServedUnitIds { get; set; } = [];

    public byte[]? PhoneCipher { get; private set; }
    public string? PhoneHash { get; private set; }
    public string? PhoneMasked { get; private set; }

    public ProtectedText Phone
    {
        get => ProtectedText.Of(PhoneCipher, PhoneHash, PhoneMasked);
        set => (PhoneCipher, PhoneHash, PhoneMasked) = (value.Cipher, value.Hash, value.Masked);
    }
    public string? UserId { get; set; }
    public bool IsActive { get; set; } = true;
    public string? Note { get; set; }
}
