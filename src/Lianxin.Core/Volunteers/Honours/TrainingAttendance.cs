using Lianxin.Core.Common;

namespace Lianxin.Core.Volunteers.Honours;

/// <summary>Whether one volunteer attended one session and passed it. Passing issues a certificate
/// whose number (义警培训-2026-000123) is unique and never reused.</summary>
public sealed class TrainingAttendance
{
    private TrainingAttendance() { }

    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public Guid SessionId { get; private set; }
    public Guid VolunteerId { get; private set; }
    public Volunteer? Volunteer { get; private set; }
    public bool Attended { get; private set; }
    public bool Passed { get; private set; }
    public string? CertificateNumber { get; private set; }
    public DateTimeOffset? CertificateIssuedAt { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public string? RecordedById { get; private set; }

    public const string CertificatePrefix = "义警培训";

    /// <summary>The first record of one volunteer at one session.</summary>
    public static TrainingAttendance Of(Guid sessionId, Guid volunteerId) => new() { SessionId = sessionId, VolunteerId = volunteerId };

    /// <summary>Records (or corrects) whether the volunteer attended and passed; only someone who attended can pass.
    /// True when the volunteer has passed and holds no certificate yet: the caller issues the next number.</summary>
    public bool Record(bool attended, bool passed, string? by, DateTimeOffset at)
    {
        Attended = attended;
        Passed = attended && passed;
        RecordedAt = at;
        RecordedById = by;
        return Passed && CertificateNumber is null;
    }

    /// <summary>A certificate is issued once, to someone who passed, and kept (never reissued or reused) even if the
    /// record is corrected later.</summary>
    public void IssueCertificate(string number, DateTimeOffset at)
    {
        if (!Passed)
            throw new ConflictException("未合格的义警不能发放培训证书");
        if (CertificateNumber is not null)
            throw new ConflictException($"该义警已有本次培训的证书（{CertificateNumber}）");
        CertificateNumber = number;
        CertificateIssuedAt = at;
    }

    public static string CertificateNumberFor(int year, int seq) => $"{CertificatePrefix}-{year:0000}-{seq:000000}";
}
