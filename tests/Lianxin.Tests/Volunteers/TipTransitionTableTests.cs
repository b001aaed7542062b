using Lianxin.Core.Common;
using Lianxin.Core.Volunteers.Tips;

namespace Lianxin.Tests.Volunteers;

/// <summary>Every action tried on a tip in every state. The expected table is written out here, apart from the
/// domain's own, so a change to either shows up as a failing case.</summary>
public class TipTransitionTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 2, 0, 0, TimeSpan.Zero);

    /// <summary>(from, action) → resulting state, for every allowed pair. Everything else is refused.</summary>
    private static readonly Dictionary<(TipStatus, TipAction), TipStatus> Expected = new()
    {
        [(TipStatus.Received, TipAction.AddPhoto)] = TipStatus.Received,
        [(TipStatus.Received, TipAction.StartChecking)] = TipStatus.Checking,
        [(TipStatus.Received, TipAction.Dismiss)] = TipStatus.Dismissed,
        [(TipStatus.Received, TipAction.Act)] = TipStatus.ActedOn,
        [(TipStatus.Checking, TipAction.Dismiss)] = TipStatus.Dismissed,
        [(TipStatus.Checking, TipAction.Act)] = TipStatus.ActedOn,
        [(TipStatus.ActedOn, TipAction.Close)] = TipStatus.Closed,
    };

    public static TheoryData<TipStatus, TipAction> AllPairs()
    {
        var data = new TheoryData<TipStatus, TipAction>();
        foreach (var status in Enum.GetValues<TipStatus>())
        foreach (var action in Enum.GetValues<TipAction>())
            data.Add(status, action);
        return data;
    }

    /// <summary>A tip brought to a state through its own methods.</summary>
    private static Tip In(TipStatus status)
    {
        var tip = Tip.Named(
            "XS-2026-00001",
            new TipContent(Guid.NewGuid(), "hazard", "村口", null, null, "电线垂地"),
            "u1",
            null,
            "张三",
            fromVolunteer: false
        );
        switch (status)
        {
            case TipStatus.Checking:
                tip.StartChecking("officer", null, T0);
                break;
            case TipStatus.ActedOn:
                tip.Act(TipOutcome.HazardFixed, "已整改", new TipLinks(), "officer", T0);
                break;
            case TipStatus.Closed:
                tip.Act(TipOutcome.HazardFixed, "已整改", new TipLinks(), "officer", T0);
                tip.Close("已整改，谢谢", T0.AddHours(1));
                break;
            case TipStatus.Dismissed:
                tip.Dismiss("不属于治安线索", "officer", T0);
                break;
        }
        Assert.Equal(status, tip.Status);
        return tip;
    }

    private static void Do(Tip tip, TipAction action)
    {
        switch (action)
        {
            case TipAction.AddPhoto:
                tip.Require(TipAction.AddPhoto);
                break;
            case TipAction.StartChecking:
                tip.StartChecking("officer", "去看看", T0.AddDays(1));
                break;
            case TipAction.Dismiss:
                tip.Dismiss("重复线索", "officer", T0.AddDays(1));
                break;
            case TipAction.Act:
                tip.Act(TipOutcome.Other, "已处置", new TipLinks(), "officer", T0.AddDays(1));
                break;
            case TipAction.Close:
                tip.Close("已办结", T0.AddDays(2));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Each_action_from_each_state_goes_where_the_table_says_or_is_refused(TipStatus from, TipAction action)
    {
        var tip = In(from);
        Assert.Equal(Expected.ContainsKey((from, action)), TipTransitions.IsAllowed(from, action));
        if (Expected.TryGetValue((from, action), out var to))
        {
            Do(tip, action);
            Assert.Equal(to, tip.Status);
            return;
        }
        var refused = Assert.Throws<ConflictException>(() => Do(tip, action));
        Assert.Equal(TipTransitions.RefusalMessage(from, action), refused.Message);
        Assert.Equal(from, tip.Status);
        if (action == TipAction.AddPhoto)
            Assert.Equal("线索已在处理，不能再添加照片", refused.Message);
        else
        {
            Assert.StartsWith($"线索当前为“{from.Label()}”，不能{action.Label()}。当前可以：", refused.Message);
            var offered = Expected.Keys.Where(k => k.Item1 == from && k.Item2 != TipAction.AddPhoto).Select(k => k.Item2.Label()).ToList();
            Assert.EndsWith((offered.Count == 0 ? "无" : string.Join("、", offered)) + "。", refused.Message);
        }
    }

    [Fact]
    public void Steps_keep_who_and_when_and_the_first_handler()
    {
        var tip = In(TipStatus.Received);
        tip.StartChecking("officer-a", "核查中", T0);
        tip.Act(TipOutcome.Incident, null, new TipLinks(IncidentId: Guid.Empty), "officer-b", T0.AddHours(2));
        Assert.Equal("officer-a", tip.HandlerId);
        Assert.Equal(T0.AddHours(2), tip.ActedAt);
        tip.Close("  已转警情处置  ", T0.AddHours(3));
        Assert.Equal("已转警情处置", tip.Feedback);
        Assert.Equal(T0.AddHours(3), tip.ClosedAt);
    }

    [Fact]
    public void An_anonymous_tip_keeps_nobody()
    {
        var tip = Tip.Anonymous("XS-2026-00002", new TipContent(Guid.NewGuid(), "drugs", null, null, null, "可疑"), null, "code-hash");
        Assert.True(tip.IsAnonymous);
        Assert.Null(tip.SenderUserId);
        Assert.Null(tip.SenderName);
        Assert.Equal(Tip.AnonymousCreator, tip.CreatedById);
        Assert.Throws<ArgumentException>(() =>
            Tip.Anonymous("XS-2026-00003", new TipContent(Guid.NewGuid(), "drugs", null, null, null, "x"), "a", "b")
        );
    }

    [Fact]
    public void A_step_missing_its_words_is_refused_as_bad_input()
    {
        Assert.Throws<ValidationFailedException>(() => In(TipStatus.Received).Dismiss(" ", "officer", T0));
        Assert.Throws<ValidationFailedException>(() => In(TipStatus.ActedOn).Close("", T0));
    }
}
