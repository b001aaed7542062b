using Lianxin.Core.Common;
using Lianxin.Core.Incidents.Cases;

namespace Lianxin.Tests.Incidents;

/// <summary>Every case action tried from every state. The expected table is written out here, apart from the
/// domain's own, so a change to either shows up as a failing case.</summary>
public class CaseTransitionTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly HashSet<(CaseStatus, CaseAction)> Expected =
    [
        (CaseStatus.Open, CaseAction.Conclude),
        (CaseStatus.Open, CaseAction.Warn),
        (CaseStatus.Open, CaseAction.NotifyOverdue),
    ];

    public static TheoryData<CaseStatus, CaseAction> AllPairs()
    {
        var data = new TheoryData<CaseStatus, CaseAction>();
        foreach (var status in Enum.GetValues<CaseStatus>())
        foreach (var action in Enum.GetValues<CaseAction>())
            data.Add(status, action);
        return data;
    }

    private static PublicSecurityCase At(CaseStatus status)
    {
        var c = PublicSecurityCase.Register("AJ-1", "测试案件", CaseKind.General, 3, Guid.NewGuid(), null, null, "张警官", null, T0);
        if (status == CaseStatus.Concluded)
            c.Conclude("已调解结案", T0.AddDays(1));
        return c;
    }

    private static void Do(PublicSecurityCase c, CaseAction action)
    {
        var at = T0.AddDays(5);
        switch (action)
        {
            case CaseAction.Conclude:
                c.Conclude("已处罚", at);
                break;
            case CaseAction.Warn:
                c.MarkWarned(at);
                break;
            case CaseAction.NotifyOverdue:
                c.MarkOverdueNotified(at);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_action_from_every_state_is_allowed_or_refused_with_the_allowed_ones_named(CaseStatus from, CaseAction action)
    {
        var c = At(from);
        Assert.Equal(Expected.Contains((from, action)), CaseTransitions.IsAllowed(from, action));
        if (Expected.Contains((from, action)))
        {
            Do(c, action);
            switch (action)
            {
                case CaseAction.Conclude:
                    Assert.Equal(CaseStatus.Concluded, c.Status);
                    break;
                case CaseAction.Warn:
                    Assert.Equal(T0.AddDays(5), c.WarnedAt);
                    break;
                case CaseAction.NotifyOverdue:
                    Assert.Equal(T0.AddDays(5), c.OverdueNotifiedAt);
                    Assert.Equal(T0.AddDays(5), c.WarnedAt);
                    break;
            }
            return;
        }
        var before = (c.Status, c.ConcludedAt, c.Conclusion, c.WarnedAt, c.OverdueNotifiedAt);
        var error = Assert.Throws<ConflictException>(() => Do(c, action));
        Assert.Equal(CaseTransitions.RefusalMessage(from, action), error.Message);
        Assert.StartsWith($"案件当前为“{from.Label()}”，不能{action.Label()}。当前可以：", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (c.Status, c.ConcludedAt, c.Conclusion, c.WarnedAt, c.OverdueNotifiedAt));
    }

    [Fact]
    public void The_domain_table_offers_exactly_the_expected_actions()
    {
        foreach (var status in Enum.GetValues<CaseStatus>())
            Assert.Equal(
                Expected.Where(e => e.Item1 == status).Select(e => e.Item2).ToHashSet(),
                CaseTransitions.Allowed(status).ToHashSet()
            );
    }

    [Fact]
    public void A_concluded_case_refuses_a_second_conclusion_in_words_a_person_reads()
    {
        var c = At(CaseStatus.Concluded);
        var error = Assert.Throws<ConflictException>(() => c.Conclude("再次办结", T0.AddDays(2)));
        Assert.Equal("案件当前为“已办结”，不能办结。当前可以：无。", error.Message);
    }

    [Fact]
    public void A_warning_already_recorded_keeps_its_first_time()
    {
        var c = At(CaseStatus.Open);
        c.MarkWarned(T0.AddDays(2));
        c.MarkOverdueNotified(T0.AddDays(4));
        Assert.Equal(T0.AddDays(2), c.WarnedAt);
        Assert.Equal(T0.AddDays(4), c.OverdueNotifiedAt);
    }
}
