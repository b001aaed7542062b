using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Volunteers;

/// <summary>A volunteer police member (义警) or someone applying to become one. Belongs to the unit
/// (village, community or station) they serve, which is also the scope of their record. Linked to the
/// account they use on their phone.</summary>
public sealed class Volunteer : Entity, IScoped
{
    private Volunteer() { }

    public Guid OrgUnitId { get; private set; }
    public OrgUnit? OrgUnit { get; private set; }

    /// <summary>The account the volunteer signs in with; one volunteer record per account.</summary>
    public string? UserId { get; private set; }

    public string Name { get; private set; } = "";
    public Gender Gender { get; private set; }

    public byte[]? PhoneCipher { get; private set; }
    public string? PhoneHash { get; private set; }
    public string? PhoneMasked { get; private set; }

    public ProtectedText Phone
    {
        get => ProtectedText.Of(PhoneCipher, PhoneHash, PhoneMasked);
        private set => (PhoneCipher, PhoneHash, PhoneMasked) = (value.Cipher, value.Hash, value.Masked);
    }

    public byte[]? IdNumberCipher { get; private set; }
    public string? IdNumberHash { get; private set; }
    public string? IdNumberMasked { get; private set; }

    public ProtectedText IdNumber
    {
        get => ProtectedText.Of(IdNumberCipher, IdNumberHash, IdNumberMasked);
        private set => (IdNumberCipher, IdNumberHash, IdNumberMasked) = (value.Cipher, value.Hash, value.Masked);
    }

    /// <summary>Dictionary codes of the volunteer's skills (category <see cref="VolunteerDictionaries.Skill"/>).</summary>
    public List<string> Skills { get; private set; } = [];

    public VolunteerAvailability Availability { get; private set; }

    /// <summary>Free text from the application: why they want to join, what they can offer.</summary>
    public string? Statement { get; private set; }

    public VolunteerStatus Status { get; private set; } = VolunteerStatus.Applicant;
    public DateTimeOffset AppliedAt { get; private set; }

    /// <summary>When the volunteer was first accepted; kept through suspensions.</summary>
    public DateTimeOffset? JoinedAt { get; private set; }

    /// <summary>Police assistants (警务助理) are volunteers with a kind; null for everyone else.</summary>
    public string? AssistantKindCode { get; private set; }

    public string? Note { get; private set; }

    public IReadOnlyList<VolunteerAction> AllowedActions => VolunteerStatusRules.Allowed(Status);

    /// <summary>A first application, from the person's own account (a record that did not exist before).</summary>
    public static (Volunteer Volunteer, VolunteerStatusChange Change) Applying(string? userId, VolunteerDetails details, DateTimeOffset at)
    {
        var v = new Volunteer { UserId = userId };
        var change = v.Step(null, VolunteerAction.Apply, null, userId, at);
        v.Fill(details);
        v.AppliedAt = at;
        return (v, change);
    }

    /// <summary>Staff register someone who will not apply from a phone: the record is active at once and has no account.</summary>
    public static Volunteer Registered(VolunteerDetails details, DateTimeOffset at, string? assistantKindCode = null, string? note = null)
    {
        var v = new Volunteer
        {
            Status = VolunteerStatus.Active,
            AppliedAt = at,
            JoinedAt = at,
            AssistantKindCode = assistantKindCode,
            Note = note,
        };
        v.Fill(details);
        return v;
    }

    /// <summary>Applies again (after a decline or after retiring), with what the person fills in now.</summary>
    public VolunteerStatusChange Reapply(VolunteerDetails details, string? by, DateTimeOffset at)
    {
        var change = Step(Status, VolunteerAction.Apply, null, by, at);
        Fill(details);
        AppliedAt = at;
        return change;
    }

    /// <summary>A staff step (accept, decline, suspend, reinstate, retire), checked against the table; a decline, a
    /// suspension and a retirement must say why.</summary>
    public VolunteerStatusChange Change(VolunteerAction action, string? reason, string? by, DateTimeOffset at)
    {
        if (action == VolunteerAction.Apply)
            throw new ValidationFailedException("action", "申请只能由本人提交");
        return Step(Status, action, reason, by, at);
    }

    public VolunteerStatusChange Accept(string? by, DateTimeOffset at) => Change(VolunteerAction.Accept, null, by, at);

    public VolunteerStatusChange Decline(string reason, string? by, DateTimeOffset at) => Change(VolunteerAction.Decline, reason, by, at);

    public VolunteerStatusChange Suspend(string reason, string? by, DateTimeOffset at) => Change(VolunteerAction.Suspend, reason, by, at);

    public VolunteerStatusChange Reinstate(string? by, DateTimeOffset at) => Change(VolunteerAction.Reinstate, null, by, at);

    public VolunteerStatusChange Retire(string reason, string? by, DateTimeOffset at) => Change(VolunteerAction.Retire, reason, by, at);

    /// <summary>A record staff registered is taken over by the person's own account (matched by the account's phone).</summary>
    public void LinkAccount(string userId)
    {
        if (UserId is not null && UserId != userId)
            throw new ConflictException("该义警记录已关联其他账号");
        UserId = userId;
    }

    /// <summary>What staff may correct on a record; a null <paramref name="assistantKindCode"/> is no police assistant.</summary>
    public void CorrectProfile(List<string>? skills, VolunteerAvailability? availability, string? assistantKindCode, string? note)
    {
        if (skills is not null)
            Skills = skills;
        if (availability is { } a)
            Availability = a;
        AssistantKindCode = assistantKindCode;
        Note = note;
    }

    /// <summary>The phone on record is corrected (already protected: cipher, blind index and mask together).</summary>
    public void CorrectPhone(ProtectedText phone) => Phone = phone;

    /// <summary>The volunteer serves another unit (the caller has checked it is theirs to give).</summary>
    public void MoveTo(Guid orgUnitId) => OrgUnitId = orgUnitId;

    /// <summary>The name as the person is known now (a correction of the register).</summary>
    public void Rename(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
            throw new ValidationFailedException("name", "姓名不能为空");
        Name = name.Trim();
    }

    private VolunteerStatusChange Step(VolunteerStatus? from, VolunteerAction action, string? reason, string? by, DateTimeOffset at)
    {
        var to = VolunteerStatusRules.Next(from, action) ?? throw new ConflictException(VolunteerStatusRules.RefusalMessage(from, action));
        if (VolunteerStatusRules.NeedsReason(action) && string.IsNullOrWhiteSpace(reason))
            throw new ValidationFailedException("reason", $"{action.Label()}须写明原因，本人可以看到");
        Status = to;
        if (to == VolunteerStatus.Active)
            JoinedAt ??= at;
        return new VolunteerStatusChange
        {
            VolunteerId = Id,
            From = from,
            To = to,
            Reason = reason,
            At = at,
            ById = by,
        };
    }

    private void Fill(VolunteerDetails d)
    {
        if (string.IsNullOrWhiteSpace(d.Name))
            throw new ValidationFailedException("name", "姓名不能为空");
        Name = d.Name.Trim();
        Gender = d.Gender;
        Phone = d.Phone;
        IdNumber = d.IdNumber;
        OrgUnitId = d.OrgUnitId;
        Skills = d.Skills;
        Availability = d.Availability;
        Statement = d.Statement;
    }
}
