using Lianxin.Core.Common;
using Lianxin.Core.Volunteers.Activities;

namespace Lianxin.Tests.Volunteers;

/// <summary>Every action tried on an activity in every state. The expected table is written out here, apart from
/// the domain's own, so a change to either shows up as a failing case.</summary>
public class ActivityTransitionTableTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary>(from, action) → resulting state, for every allowed pair. Everything else is refused.</summary>
    private static readonly Dictionary<(ActivityStatus, ActivityAction), ActivityStatus> Expected = new()
    {
        [(ActivityStatus.Draft, ActivityAction.Edit)] = ActivityStatus.Draft,
        [(ActivityStatus.Draft, ActivityAction.Publish)] = ActivityStatus.Published,
        [(ActivityStatus.Draft, ActivityAction.Cancel)] = ActivityStatus.Cancelled,
        [(ActivityStatus.Draft, ActivityAction.HandleSignups)] = ActivityStatus.Draft,
        [(ActivityStatus.Published, ActivityAction.Edit)] = ActivityStatus.Published,
        [(ActivityStatus.Published, ActivityAction.Cancel)] = ActivityStatus.Cancelled,
        [(ActivityStatus.Published, ActivityAction.Finish)] = ActivityStatus.Finished,
        [(ActivityStatus.Published, ActivityAction.HandleSignups)] = ActivityStatus.Published,
        [(ActivityStatus.Published, ActivityAction.SignUp)] = ActivityStatus.Published,
        [(ActivityStatus.Published, ActivityAction.CheckInOut)] = ActivityStatus.Published,
        [(ActivityStatus.Finished, ActivityAction.WriteReport)] = ActivityStatus.Finished,
    };

    public static TheoryData<ActivityStatus, ActivityAction> AllPairs()
    {
        var data = new TheoryData<ActivityStatus, ActivityAction>();
        foreach (var status in Enum.GetValues<ActivityStatus>())
        foreach (var action in Enum.GetValues<ActivityAction>())
            data.Add(status, action);
        return data;
    }

    private static Activity In(ActivityStatus status)
    {
        var a = new Activity
        {
            Title = "夜间巡逻",
            Place = "村委会",
            StartsAt = Start,
            EndsAt = Start.AddHours(2),
            Quota = 5,
        };
        if (status != ActivityStatus.Draft)
            a.Publish(Start.AddDays(-3));
        if (status == ActivityStatus.Finished)
            a.Finish(Start.AddHours(3));
        if (status == ActivityStatus.Cancelled)
            a.Cancel("天气原因", Start.AddDays(-1));
        Assert.Equal(status, a.Status);
        return a;
    }

    /// <summary>Each action at a time its own time rules accept, so only the table decides.</summary>
    private static void Do(Activity a, ActivityAction action)
    {
        switch (action)
        {
            case ActivityAction.Edit:
                a.RequireEditable(Start.AddDays(-1));
                break;
            case ActivityAction.Publish:
                a.Publish(Start.AddDays(-2));
                break;
            case ActivityAction.Cancel:
                a.Cancel("人手不足", Start.AddHours(-5));
                break;
            case ActivityAction.Finish:
                a.Finish(Start.AddHours(2));
                break;
            default:
                a.Require(action);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Each_action_from_each_state_goes_where_the_table_says_or_is_refused(ActivityStatus from, ActivityAction action)
    {
        var a = In(from);
        Assert.Equal(Expected.ContainsKey((from, action)), ActivityTransitions.IsAllowed(from, action));
        if (Expected.TryGetValue((from, action), out var to))
        {
            Do(a, action);
            Assert.Equal(to, a.Status);
            return;
        }
        var refused = Assert.Throws<ConflictException>(() => Do(a, action));
        Assert.Equal(ActivityTransitions.RefusalMessage(from, action), refused.Message);
        var offered = Expected.Keys.Where(k => k.Item1 == from).Select(k => k.Item2.Label()).ToList();
        Assert.Equal(
            $"活动当前为“{from.Label()}”，不能{action.Label()}。当前可以：{(offered.Count == 0 ? "无" : string.Join("、", offered))}。",
            refused.Message
        );
        Assert.Equal(from, a.Status);
    }

    [Fact]
    public void The_clock_rules_come_after_the_table()
    {
        var late = In(ActivityStatus.Draft);
        Assert.Equal("活动已过结束时间，不能发布", Assert.Throws<ConflictException>(() => late.Publish(Start.AddHours(2))).Message);
        var early = In(ActivityStatus.Published);
        Assert.Equal(
            "活动还没开始，不能结束；不再举行请取消",
            Assert.Throws<ConflictException>(() => early.Finish(Start.AddMinutes(-1))).Message
        );
        Assert.Equal("活动已开始，不能再修改", Assert.Throws<ConflictException>(() => early.RequireEditable(Start)).Message);
        In(ActivityStatus.Draft).RequireEditable(Start.AddDays(1)); // a draft has no start to pass
        Assert.Throws<ValidationFailedException>(() => early.Cancel(" ", Start.AddDays(-1)));
        early.Cancel("  暴雨  ", Start.AddDays(-1));
        Assert.Equal(("暴雨", (DateTimeOffset?)Start.AddDays(-1)), (early.CancelReason, early.CancelledAt));
    }
}
