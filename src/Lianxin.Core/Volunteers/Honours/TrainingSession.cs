using Lianxin.Core.Common;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Volunteers.Honours;

/// <summary>A training session for volunteers (义警培训) held by a unit: what was taught, by whom, where
/// and when, and how many hours it is worth to each volunteer who attends.</summary>
public sealed class TrainingSession : Entity, IScoped
{
    public Guid OrgUnitId { get; set; }
    public OrgUnit? OrgUnit { get; set; }
    public string Title { get; set; } = "";
    public string? Topic { get; set; }
    public string? Trainer { get; set; }
    public string? Place { get; set; }
    public DateTimeOffset StartsAt { get; set; }

    /// <summary>Hours credited for attending, in minutes (a session is at most a day).</summary>
    public int Minutes { get; set; }

    /// <summary>Points credited for attending.</summary>
    public int Points { get; set; }

    public const int MaxMinutes = 24 * 60;
    public const int MaxPoints = 100;
}

/// <summary>Whether one volunteer attended one session and passed it. Passing issues a certificate
/// whose number (义警培训-2026-000123) is unique and never reused.</summary>
public sealed class TrainingAttendance
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SessionId { get; set; }
    public Guid VolunteerId { get; set; }
    public Volunteer? Volunteer { get; set; }
    public bool Attended { get; set; }
    public bool Passed { get; set; }
    public string? CertificateNumber { get; set; }
    public DateTimeOffset? CertificateIssuedAt { get; set; }
    public DateTimeOffset RecordedAt { get; set; }
    public string? RecordedById { get; set; }

    public const string CertificatePrefix = "义警培训";

    public static string CertificateNumberFor(int year, int seq) => $"{CertificatePrefix}-{year:0000}-{seq:000000}";
}
