using Lianxin.Core.Common;
using Lianxin.Core.Volunteers.Honours;

namespace Lianxin.Tests.Volunteers;

/// <summary>Every correction of an attendance record, from every result to every result: passing needs attendance,
/// and a certificate, once issued, is kept and never issued twice.</summary>
public class TrainingAttendanceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 4, 1, 6, 0, 0, TimeSpan.Zero);

    public static TheoryData<bool, bool, bool, bool> AllCorrections()
    {
        var data = new TheoryData<bool, bool, bool, bool>();
        foreach (var a1 in new[] { false, true })
        foreach (var p1 in new[] { false, true })
        foreach (var a2 in new[] { false, true })
        foreach (var p2 in new[] { false, true })
            data.Add(a1, p1, a2, p2);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllCorrections))]
    public void A_correction_keeps_the_rules(bool attended1, bool passed1, bool attended2, bool passed2)
    {
        var record = TrainingAttendance.Of(Guid.NewGuid(), Guid.NewGuid());
        var issue1 = record.Record(attended1, passed1, "leader", T0);
        Assert.Equal(attended1 && passed1, issue1);
        if (issue1)
            record.IssueCertificate("义警培训-2026-000001", T0);

        var issue2 = record.Record(attended2, passed2, "leader2", T0.AddDays(1));
        Assert.Equal(attended2, record.Attended);
        Assert.Equal(attended2 && passed2, record.Passed);
        Assert.Equal(("leader2", T0.AddDays(1)), (record.RecordedById, record.RecordedAt));
        // Only a first pass asks for a number; an earlier certificate stays whatever the correction says.
        Assert.Equal(attended2 && passed2 && !issue1, issue2);
        Assert.Equal(issue1 ? "义警培训-2026-000001" : null, record.CertificateNumber);
        if (issue2)
        {
            record.IssueCertificate("义警培训-2026-000002", T0.AddDays(1));
            Assert.Equal(T0.AddDays(1), record.CertificateIssuedAt);
        }
        else
            Assert.Throws<ConflictException>(() => record.IssueCertificate("义警培训-2026-000003", T0.AddDays(2)));
    }
}
