using Lianxin.Core.Common;
using Lianxin.Core.Incidents.Repeats;

namespace Lianxin.Tests.Incidents;

/// <summary>Every look-back task action tried from every state, against a table written out apart from the domain's.</summary>
public class LookBackTaskTransitionTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<(LookBackTaskState, LookBackTaskAction)> Expected =
    [
        (LookBackTaskState.Pending, LookBackTaskAction.Assign),
        (LookBackTaskState.Pending, LookBackTaskAction.RecordResult),
        (LookBackTaskState.Pending, LookBackTaskAction.Remind),
    ];

    public static TheoryData<LookBackTaskState, LookBackTaskAction> AllPairs()
    {
        var data = new TheoryData<LookBackTaskState, LookBackTaskAction>();
        foreach (var state in Enum.GetValues<LookBackTaskState>())
        foreach (var action in Enum.GetValues<LookBackTaskAction>())
            data.Add(state, action);
        return data;
    }

    private static LookBackTask At(LookBackTaskState state)
    {
        var plan = new LookBackPlan
        {
            OrgUnitId = Guid.NewGuid(),
            Address = "东峪村三组",
            Category = LookBackCategory.Gambling,
            DealtOn = new DateOnly(2026, 2, 20),
            Weeks = 1,
        };
        var task = plan.AddTask(1, LookBackTaskKind.Patrol, T0.AddDays(7), "officer-1");
        if (state == LookBackTaskState.Done)
            task.RecordResult(LookBackResult.Normal, null, "officer-1", T0.AddDays(2));
        return task;
    }

    private static void Do(LookBackTask t, LookBackTaskAction action)
    {
        switch (action)
        {
            case LookBackTaskAction.Assign:
                t.Assign("officer-2");
                break;
            case LookBackTaskAction.RecordResult:
                t.RecordResult(LookBackResult.FoundAgain, "又有人聚赌", "officer-2", T0.AddDays(3));
                break;
            case LookBackTaskAction.Remind:
                t.MarkReminded(T0.AddDays(6));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_action_from_every_state_is_allowed_or_refused_with_the_allowed_ones_named(
        LookBackTaskState from,
        LookBackTaskAction action
    )
    {
        var t = At(from);
        Assert.Equal(from, t.State);
        Assert.Equal(Expected.Contains((from, action)), LookBackTaskTransitions.IsAllowed(from, action));
        if (Expected.Contains((from, action)))
        {
            Do(t, action);
            return;
        }
        var before = (t.AssigneeId, t.Result, t.ResultNote, t.DoneAt, t.DoneById, t.RemindedAt);
        var error = Assert.Throws<ConflictException>(() => Do(t, action));
        Assert.Equal(LookBackTaskTransitions.RefusalMessage(from, action), error.Message);
        Assert.StartsWith($"回头看任务当前为“{from.Label()}”，不能{action.Label()}。当前可以：", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (t.AssigneeId, t.Result, t.ResultNote, t.DoneAt, t.DoneById, t.RemindedAt));
    }

    [Fact]
    public void The_domain_table_offers_exactly_the_expected_actions()
    {
        foreach (var state in Enum.GetValues<LookBackTaskState>())
            Assert.Equal(
                Expected.Where(e => e.Item1 == state).Select(e => e.Item2).ToHashSet(),
                LookBackTaskTransitions.Allowed(state).ToHashSet()
            );
    }

    [Fact]
    public void A_done_task_refuses_reassignment_in_words_a_person_reads()
    {
        var error = Assert.Throws<ConflictException>(() => At(LookBackTaskState.Done).Assign("officer-2"));
        Assert.Equal("回头看任务当前为“已登记结果”，不能改派。当前可以：无。", error.Message);
    }

    [Fact]
    public void Reassigning_clears_the_reminder_and_a_relapse_needs_a_note()
    {
        var t = At(LookBackTaskState.Pending);
        t.MarkReminded(T0.AddDays(6));
        t.Assign("officer-2");
        Assert.Null(t.RemindedAt);
        Assert.Throws<ValidationFailedException>(() => t.RecordResult(LookBackResult.FoundAgain, " ", "officer-2", T0.AddDays(3)));
        Assert.Equal(LookBackTaskState.Pending, t.State);
    }
}
