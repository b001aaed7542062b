using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Volunteers;

/// <summary>A volunteer police member (义警) or someone applying to become one. Belongs to the unit
/// (village, community or station) they serve, which is also the scope of their record. Linked to the
/// account they use on their phone.</summary>
public sealed class Volunteer : Entity, IScoped
{
    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }

    /// <summary>The account the volunteer signs in with; one volunteer record per account.</summary>
    public string? UserId { get; set; }

    public string Name { get; set; } = "";
    public Gender Gender { get; set; }

    public byte[]? PhoneCipher { get; private set; }
    public string? PhoneHash { get; private set; }
    public string? PhoneMasked { get; private set; }

    public ProtectedText Phone
    {
        get => new() { Cipher = PhoneCipher, Hash = PhoneHash, Masked = PhoneMasked };
        set => (PhoneCipher, PhoneHash, PhoneMasked) = (value.Cipher, value.Hash, value.Masked);
    }

    public byte[]? IdNumberCipher { get; private set; }
    public string? IdNumberHash { get; private set; }
    public string? IdNumberMasked { get; private set; }

    public ProtectedText IdNumber
    {
        get => new() { Cipher = IdNumberCipher, Hash = IdNumberHash, Masked = IdNumberMasked };
        set => (IdNumberCipher, IdNumberHash, IdNumberMasked) = (value.Cipher, value.Hash, value.Masked);
    }

    /// <summary>Dictionary codes of the volunteer's skills (category <see cref="VolunteerDictionaries.Skill"/>).</summary>
    public List<string> Skills { get; set; } = [];

    public VolunteerAvailability Availability { get; set; }

    /// <summary>Free text from the application: why they want to join, what they can offer.</summary>
    public string? Statement { get; set; }

    public VolunteerStatus Status { get; set; } = VolunteerStatus.Applicant;
    public DateTimeOffset AppliedAt { get; set; }

    /// <summary>When the volunteer was first accepted; kept through suspensions.</summary>
    public DateTimeOffset? JoinedAt { get; set; }

    /// <summary>Police assistants (警务助理) are volunteers with a kind; null for everyone else.</summary>
    public string? AssistantKindCode { get; set; }

    public string? Note { get; set; }
}

public enum VolunteerStatus
{
    Applicant = 1, // 申请中
    Active = 2,    // 在册
    Suspended = 3, // 暂停
    Retired = 4,   // 退出
    Declined = 5,  // 未通过
}

/// <summary>When a volunteer can usually help; several may apply.</summary>
[Flags]
public enum VolunteerAvailability
{
    None = 0,
    WeekdayDaytime = 1, // 工作日白天
    WeekdayEvening = 2, // 工作日晚上
    Weekend = 4,        // 周末
    Night = 8,          // 夜间
    OnCall = 16,        // 随叫随到（搜救等紧急任务）
}

/// <summary>One change of a volunteer's status, with who made it and why: the status history.</summary>
public sealed class VolunteerStatusChange
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VolunteerId { get; set; }
    public VolunteerStatus? From { get; set; }
    public VolunteerStatus To { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ById { get; set; }
}

/// <summary>Dictionary categories of the volunteer part.</summary>
public static class VolunteerDictionaries
{
    public const string Skill = "volunteer-skill";
    public const string SquadType = "squad-type";
    public const string AssistantKind = "assistant-kind";
}
