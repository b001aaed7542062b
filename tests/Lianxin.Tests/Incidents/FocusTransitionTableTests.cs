using Lianxin.Core.Common;
using Lianxin.Core.Incidents.Repeats;

namespace Lianxin.Tests.Incidents;

/// <summary>Every focus-list action tried from every state of a repeated-incident cluster (off the list, and each
/// status on it), against a table written out apart from the domain's.</summary>
public class FocusTransitionTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Off the list is 0; on the list, the <see cref="FocusStatus"/>.</summary>
    public enum State
    {
        Off = 0,
        Open = 1,
        Following = 2,
        Settled = 3,
    }

    private static readonly FocusAction[] OnList = [FocusAction.ChangeOwner, FocusAction.ChangeStatus, FocusAction.AddNote];

    private static readonly HashSet<(State, FocusAction)> Expected =
    [
        (State.Off, FocusAction.AddToFocus),
        .. OnList.Select(a => (State.Open, a)),
        .. OnList.Select(a => (State.Following, a)),
        .. OnList.Select(a => (State.Settled, a)),
        (State.Settled, FocusAction.GrowAgain),
    ];

    private static FocusStatus? StatusOf(State s) => s == State.Off ? null : (FocusStatus)(int)s;

    public static TheoryData<State, FocusAction> AllPairs()
    {
        var data = new TheoryData<State, FocusAction>();
        foreach (var state in Enum.GetValues<State>())
        foreach (var action in Enum.GetValues<FocusAction>())
            data.Add(state, action);
        return data;
    }

    private static RepeatCluster At(State state)
    {
        var c = RepeatCluster.Open(RepeatClusterKind.Address, "key", "东峪村三组5号", Guid.NewGuid(), "dispute", T0, T0.AddDays(1));
        c.Counted(3);
        if (state == State.Off)
            return c;
        c.AddToFocus("officer-1", T0.AddDays(2));
        if (state != State.Open)
            c.ChangeStatus((FocusStatus)(int)state);
        return c;
    }

    private static void Do(RepeatCluster c, FocusAction action)
    {
        switch (action)
        {
            case FocusAction.AddToFocus:
                c.AddToFocus("officer-2", T0.AddDays(3));
                break;
            case FocusAction.ChangeOwner:
                c.ChangeOwner("officer-2");
                break;
            case FocusAction.ChangeStatus:
                c.ChangeStatus(FocusStatus.Following);
                break;
            case FocusAction.AddNote:
                c.RequireNote();
                break;
            case FocusAction.GrowAgain:
                // Growing is never refused: it reopens a settled cluster and leaves every other state alone.
                var before = c.FocusStatus;
                c.Counted(c.IncidentCount + 1);
                Assert.Equal(before == FocusStatus.Settled ? FocusStatus.Open : before, c.FocusStatus);
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_action_from_every_state_is_allowed_or_refused_with_the_allowed_ones_named(State from, FocusAction action)
    {
        var c = At(from);
        Assert.Equal(StatusOf(from), c.FocusStatus);
        Assert.Equal(Expected.Contains((from, action)), FocusTransitions.IsAllowed(StatusOf(from), action));
        if (Expected.Contains((from, action)) || action == FocusAction.GrowAgain)
        {
            Do(c, action);
            return;
        }
        var before = (c.OnFocusList, c.FocusStatus, c.FocusOwnerId, c.FocusSince);
        var error = Assert.Throws<ConflictException>(() => Do(c, action));
        Assert.Equal(FocusTransitions.RefusalMessage(StatusOf(from), action), error.Message);
        Assert.StartsWith(
            $"该重复警情当前为“{FocusTransitions.Describe(StatusOf(from))}”，不能{action.Label()}。当前可以：",
            error.Message,
            StringComparison.Ordinal
        );
        Assert.Equal(before, (c.OnFocusList, c.FocusStatus, c.FocusOwnerId, c.FocusSince));
    }

    [Fact]
    public void The_domain_table_offers_exactly_the_expected_actions()
    {
        foreach (var state in Enum.GetValues<State>())
            Assert.Equal(
                Expected.Where(e => e.Item1 == state).Select(e => e.Item2).ToHashSet(),
                FocusTransitions.Allowed(StatusOf(state)).ToHashSet()
            );
    }

    [Fact]
    public void A_note_on_a_cluster_off_the_list_is_refused_in_words_a_person_reads()
    {
        var error = Assert.Throws<ConflictException>(At(State.Off).RequireNote);
        Assert.Equal("该重复警情当前为“未列入重点关注”，不能添加跟进记录。当前可以：加入重点关注。", error.Message);
    }

    [Fact]
    public void A_group_shows_the_latest_dispute_opened_from_it()
    {
        // A second dispute is refused by the service unless confirmed (RepeatGroupTests); once opened, the group shows it.
        var c = At(State.Following);
        c.LinkDispute(Guid.NewGuid());
        var second = Guid.NewGuid();
        c.LinkDispute(second);
        Assert.Equal(second, c.DisputeId);
    }

    [Fact]
    public void Members_widen_the_span_the_cluster_covers()
    {
        var c = At(State.Off);
        c.Take(Guid.NewGuid(), T0.AddDays(-2));
        c.Take(Guid.NewGuid(), T0.AddDays(4));
        Assert.Equal((T0.AddDays(-2), T0.AddDays(4), 2), (c.FirstAt, c.LastAt, c.Members.Count));
    }
}
