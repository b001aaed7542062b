using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using static Lianxin.Tests.Disputes.DisputeTestData;

namespace Lianxin.Tests.Disputes;

/// <summary>Every action tried from every state. The expected table is written out here, apart from the
/// domain's own table, so a change to either shows up as a failing case.</summary>
public class DisputeTransitionTableTests
{
    public enum Act
    {
        Triage,
        StartL1,
        StartL2,
        StartL3,
        StartL4,
        EscalateL1,
        EscalateL2,
        EscalateL3,
        EscalateL4,
        RecordFailedAttempt,
        Resolve,
        Refer,
        Fail,
        Withdraw,
        AddParty,
        ScheduleFollowUp,
        Close,
        Reopen,
        AcknowledgeReferral,
        ReferralResolved,
        ReferralReturned,
    }

    private static readonly Stage[] Ended = [Stage.Resolved, Stage.Referred, Stage.Failed, Stage.Withdrawn];
    private static readonly Stage[] Mediating = [Stage.Level1, Stage.Level2, Stage.Level3, Stage.Level4];

    /// <summary>(from, action) → resulting stage, for every allowed pair. Everything else is refused.</summary>
    private static readonly Dictionary<(Stage, Act), Stage> Allowed = BuildAllowed();

    private static Dictionary<(Stage, Act), Stage> BuildAllowed()
    {
        var t = new Dictionary<(Stage, Act), Stage>
        {
            [(Stage.Registered, Act.Triage)] = Stage.Triaged,
            [(Stage.Registered, Act.Withdraw)] = Stage.Withdrawn,
            [(Stage.Registered, Act.AddParty)] = Stage.Registered,
            [(Stage.Triaged, Act.StartL1)] = Stage.Level1,
            [(Stage.Triaged, Act.StartL2)] = Stage.Level2,
            [(Stage.Triaged, Act.StartL3)] = Stage.Level3,
            [(Stage.Triaged, Act.StartL4)] = Stage.Level4,
            [(Stage.Triaged, Act.Refer)] = Stage.Referred,
            [(Stage.Triaged, Act.Withdraw)] = Stage.Withdrawn,
            [(Stage.Triaged, Act.AddParty)] = Stage.Triaged,
            [(Stage.Level1, Act.EscalateL2)] = Stage.Level2,
            [(Stage.Level1, Act.EscalateL3)] = Stage.Level3,
            [(Stage.Level1, Act.EscalateL4)] = Stage.Level4,
            [(Stage.Level2, Act.EscalateL3)] = Stage.Level3,
            [(Stage.Level2, Act.EscalateL4)] = Stage.Level4,
            [(Stage.Level3, Act.EscalateL4)] = Stage.Level4,
            [(Stage.Closed, Act.Reopen)] = Stage.Triaged,
        };
        foreach (var m in Mediating)
        {
            t[(m, Act.RecordFailedAttempt)] = m;
            t[(m, Act.Resolve)] = Stage.Resolved;
            t[(m, Act.Refer)] = Stage.Referred;
            t[(m, Act.Fail)] = Stage.Failed;
            t[(m, Act.Withdraw)] = Stage.Withdrawn;
            t[(m, Act.AddParty)] = m;
        }
        foreach (var e in Ended)
        {
            t[(e, Act.ScheduleFollowUp)] = e;
            t[(e, Act.Reopen)] = Stage.Triaged;
            // A referral is not closed until the receiver's result is in (resolved, or handed back).
            if (e != Stage.Referred)
                t[(e, Act.Close)] = Stage.Closed;
        }
        t[(Stage.Referred, Act.AcknowledgeReferral)] = Stage.Referred;
        t[(Stage.Referred, Act.ReferralResolved)] = Stage.Resolved;
        t[(Stage.Referred, Act.ReferralReturned)] = Stage.Triaged;
        return t;
    }

    public static TheoryData<Stage, Act> AllPairs()
    {
        var data = new TheoryData<Stage, Act>();
        foreach (var stage in Enum.GetValues<Stage>())
        foreach (var act in Enum.GetValues<Act>())
            data.Add(stage, act);
        return data;
    }

    private static readonly DateTimeOffset ActionTime = T0.AddDays(10);

    private static void Do(Dispute d, Act act)
    {
        var at = ActionTime;
        switch (act)
        {
            case Act.Triage:
                d.Triage(DisputeJurisdiction.PoliceComplex, Officer, at, "涉及多方");
                break;
            case Act.StartL1:
                d.StartMediation(MediationLevel.HouseholdHead, Officer, at);
                break;
            case Act.StartL2:
                d.StartMediation(MediationLevel.Village, Officer, at);
                break;
            case Act.StartL3:
                d.StartMediation(MediationLevel.PoliceOffice, Officer, at);
                break;
            case Act.StartL4:
                d.StartMediation(MediationLevel.County, Officer, at);
                break;
            case Act.EscalateL1:
                d.Escalate(MediationLevel.HouseholdHead, Officer, at, "本级未成");
                break;
            case Act.EscalateL2:
                d.Escalate(MediationLevel.Village, Officer, at, "本级未成");
                break;
            case Act.EscalateL3:
                d.Escalate(MediationLevel.PoliceOffice, Officer, at, "本级未成");
                break;
            case Act.EscalateL4:
                d.Escalate(MediationLevel.County, Officer, at, "本级未成");
                break;
            case Act.RecordFailedAttempt:
                d.RecordFailedAttempt(Officer, at, "双方不让步");
                break;
            case Act.Resolve:
                d.Resolve(Officer, at, "达成协议");
                break;
            case Act.Refer:
                d.Refer("镇司法所", Officer, at, "不属公安管辖");
                break;
            case Act.Fail:
                d.Fail(OtherRoutes.Arbitration | OtherRoutes.Court, Officer, at, "无法达成一致");
                break;
            case Act.Withdraw:
                d.Withdraw(Officer, at, "当事人自行和解");
                break;
            case Act.AddParty:
                d.AddParty(DisputeParty.Create(PartyRole.Other, "龚某之子"), Officer, at);
                break;
            case Act.ScheduleFollowUp:
                d.ScheduleFollowUp(at.AddDays(7), Officer, at);
                break;
            case Act.Close:
                d.Close(Officer, at);
                break;
            case Act.Reopen:
                d.Reopen(Officer, at, "再次发生争吵");
                break;
            case Act.AcknowledgeReferral:
                d.AcknowledgeReferral(ReferralOf(d), ReferralChannel.Staff, Officer, "王某", Officer, at);
                break;
            case Act.ReferralResolved:
                d.RecordReferralResult(
                    ReferralOf(d),
                    ReferralOutcome.Resolved,
                    "双方和解",
                    ReferralChannel.Staff,
                    Officer,
                    "王某",
                    Officer,
                    at
                );
                break;
            case Act.ReferralReturned:
                d.RecordReferralResult(
                    ReferralOf(d),
                    ReferralOutcome.Returned,
                    "不属本所受理范围",
                    ReferralChannel.Staff,
                    Officer,
                    "王某",
                    Officer,
                    at
                );
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_action_from_every_state_is_allowed_or_refused_as_the_issue_says(Stage from, Act act)
    {
        var d = At(from);
        Assert.Equal(from, StageOf(d));
        var events = d.Events.Count;

        if (Allowed.TryGetValue((from, act), out var expected))
        {
            Do(d, act);
            Assert.Equal(expected, StageOf(d));
            var changesState = act is not (Act.AddParty or Act.ScheduleFollowUp);
            Assert.Equal(changesState ? events + 1 : events, d.Events.Count);
            if (changesState)
            {
                var last = d.Events[^1];
                Assert.Equal(ActionTime, last.At);
                Assert.Equal(Officer, last.ById);
                Assert.Equal(d.Status, last.ToStatus);
                Assert.Equal(d.Level, last.ToLevel);
            }
        }
        else
        {
            var (status, level, parties, visits) = (d.Status, d.Level, d.Parties.Count, d.FollowUps.Count);
            var error = Assert.ThrowsAny<DomainException>(() => Do(d, act));
            Assert.False(string.IsNullOrWhiteSpace(error.Message));
            Assert.Equal(from, StageOf(d));
            Assert.Equal((status, level, events, parties, visits), (d.Status, d.Level, d.Events.Count, d.Parties.Count, d.FollowUps.Count));
        }
    }

    public static TheoryData<Stage, Act> RefusedPairs()
    {
        var data = new TheoryData<Stage, Act>();
        foreach (var stage in Enum.GetValues<Stage>())
        foreach (var act in Enum.GetValues<Act>().Where(a => !Allowed.ContainsKey((stage, a))))
            data.Add(stage, act);
        return data;
    }

    [Theory]
    [MemberData(nameof(RefusedPairs))]
    public void A_refusal_for_the_state_names_the_state_and_what_is_allowed_instead(Stage from, Act act)
    {
        var d = At(from);

        var error = Assert.ThrowsAny<DomainException>(() => Do(d, act));

        var downward = Mediating.Contains(from) && act.ToString().StartsWith("Escalate", StringComparison.Ordinal) && from != Stage.Level4;
        if (downward)
        {
            // Mediating allows escalation, just not to this level: a field error naming the levels above.
            var validation = Assert.IsType<ValidationFailedException>(error);
            Assert.Contains("level", validation.Errors.Keys);
            Assert.StartsWith("只能向上升级", error.Message, StringComparison.Ordinal);
            return;
        }
        Assert.IsType<ConflictException>(error);
        Assert.StartsWith($"纠纷当前为“{d.Status.Label()}", error.Message, StringComparison.Ordinal);
        Assert.Contains("当前可以：", error.Message, StringComparison.Ordinal);
        foreach (var allowed in d.AllowedActions)
            Assert.Contains(allowed.Label(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_domain_table_offers_exactly_the_actions_the_expected_table_allows()
    {
        // Guards the other direction: an action the domain offers but this table does not expect.
        foreach (var stage in Enum.GetValues<Stage>())
        {
            var d = At(stage);
            var offered = d.AllowedActions.Where(a => a is not DisputeAction.RecordFollowUp).ToHashSet();
            var expected = Allowed.Keys.Where(k => k.Item1 == stage).Select(k => ToAction(k.Item2)).ToHashSet();
            Assert.True(
                expected.SetEquals(offered),
                $"{stage}: expected {string.Join(",", expected)}; offered {string.Join(",", offered)}"
            );
        }
    }

    private static DisputeAction ToAction(Act act) =>
        act switch
        {
            Act.Triage => DisputeAction.Triage,
            Act.StartL1 or Act.StartL2 or Act.StartL3 or Act.StartL4 => DisputeAction.StartMediation,
            Act.EscalateL1 or Act.EscalateL2 or Act.EscalateL3 or Act.EscalateL4 => DisputeAction.Escalate,
            Act.RecordFailedAttempt => DisputeAction.RecordFailedAttempt,
            Act.Resolve => DisputeAction.Resolve,
            Act.Refer => DisputeAction.Refer,
            Act.Fail => DisputeAction.Fail,
            Act.Withdraw => DisputeAction.Withdraw,
            Act.AddParty => DisputeAction.EditParties,
            Act.ScheduleFollowUp => DisputeAction.ScheduleFollowUp,
            Act.Close => DisputeAction.Close,
            Act.Reopen => DisputeAction.Reopen,
            Act.AcknowledgeReferral => DisputeAction.AcknowledgeReferral,
            Act.ReferralResolved or Act.ReferralReturned => DisputeAction.RecordReferralResult,
            _ => throw new ArgumentOutOfRangeException(nameof(act)),
        };

    [Theory]
    [InlineData(Stage.Registered, "纠纷当前为“已登记”，不能升级调解。当前可以：分流研判、撤回、修改当事人。")]
    [InlineData(
        Stage.Level4,
        "纠纷当前为“调解中 · 四级（县联合调解中心远程视频调解）”，不能升级调解。当前可以：记录本级调解未成、登记化解、移交、终结为调解不成、撤回、修改当事人。"
    )]
    [InlineData(Stage.Closed, "纠纷当前为“已结案”，不能升级调解。当前可以：复发重启。")]
    public void Refusal_messages_read_as_a_person_would_want(Stage from, string message)
    {
        var d = At(from);
        var error = Assert.Throws<ConflictException>(() => d.Escalate(MediationLevel.County, Officer, T0.AddDays(10), "升级"));
        Assert.Equal(message, error.Message);
    }
}
