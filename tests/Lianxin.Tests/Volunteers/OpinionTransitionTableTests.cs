using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Feed;

namespace Lianxin.Tests.Volunteers;

/// <summary>Every handling step tried on an opinion in every state, and on posts that are not opinions. The expected
/// table is written out here, apart from the domain's own, so a change to either shows up as a failing case.</summary>
public class OpinionTransitionTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 1, 2, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<(OpinionState, OpinionAction), OpinionState> Expected = new()
    {
        [(OpinionState.Open, OpinionAction.Assign)] = OpinionState.Assigned,
        [(OpinionState.Open, OpinionAction.Answer)] = OpinionState.Answered,
        [(OpinionState.Open, OpinionAction.Close)] = OpinionState.Closed,
        [(OpinionState.Assigned, OpinionAction.Assign)] = OpinionState.Assigned,
        [(OpinionState.Assigned, OpinionAction.Answer)] = OpinionState.Answered,
        [(OpinionState.Assigned, OpinionAction.Close)] = OpinionState.Closed,
        // Reassigning an answered opinion keeps it answered: the answer stands.
        [(OpinionState.Answered, OpinionAction.Assign)] = OpinionState.Answered,
        [(OpinionState.Answered, OpinionAction.Answer)] = OpinionState.Answered,
        [(OpinionState.Answered, OpinionAction.Close)] = OpinionState.Closed,
    };

    public static TheoryData<OpinionState, OpinionAction> AllPairs()
    {
        var data = new TheoryData<OpinionState, OpinionAction>();
        foreach (var state in Enum.GetValues<OpinionState>())
        foreach (var action in Enum.GetValues<OpinionAction>())
            data.Add(state, action);
        return data;
    }

    private static FeedPost In(OpinionState state)
    {
        var post = FeedPost.Write(Guid.NewGuid(), FeedPostKind.Opinion, "居民", "路灯", "北门没有路灯");
        if (state is OpinionState.Assigned)
            post.Assign("officer-a");
        if (state is OpinionState.Answered or OpinionState.Closed)
            post.AnswerWith("已报修", "officer-a", T0);
        if (state is OpinionState.Closed)
            post.Close(null, T0.AddDays(1));
        Assert.Equal(state, post.State);
        return post;
    }

    private static void Do(FeedPost post, OpinionAction action)
    {
        switch (action)
        {
            case OpinionAction.Assign:
                post.Assign("officer-b");
                break;
            case OpinionAction.Answer:
                post.AnswerWith("已安装", "officer-b", T0.AddDays(2));
                break;
            case OpinionAction.Close:
                post.Close("已安装，已办结", T0.AddDays(3));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Each_step_from_each_state_goes_where_the_table_says_or_is_refused(OpinionState from, OpinionAction action)
    {
        var post = In(from);
        Assert.Equal(Expected.ContainsKey((from, action)), OpinionTransitions.IsAllowed(from, action));
        if (Expected.TryGetValue((from, action), out var to))
        {
            Do(post, action);
            Assert.Equal(to, post.State);
            return;
        }
        var refused = Assert.Throws<ConflictException>(() => Do(post, action));
        Assert.Equal(OpinionTransitions.RefusalMessage(from, action), refused.Message);
        var offered = Expected.Keys.Where(k => k.Item1 == from).Select(k => k.Item2.Label()).ToList();
        Assert.Equal(
            $"该社情民意当前为“{from.Label()}”，不能{action.Label()}。当前可以：{(offered.Count == 0 ? "无" : string.Join("、", offered))}。",
            refused.Message
        );
        Assert.Equal(from, post.State);
    }

    [Theory]
    [InlineData(FeedPostKind.ActivityReport)]
    [InlineData(FeedPostKind.Notice)]
    [InlineData(FeedPostKind.VolunteerPost)]
    public void Only_an_opinion_is_handled(FeedPostKind kind)
    {
        var post = FeedPost.Write(Guid.NewGuid(), kind, "派出所", "通知", "正文");
        Assert.Null(post.State);
        foreach (var action in Enum.GetValues<OpinionAction>())
            Assert.Equal("kind", Assert.Throws<ValidationFailedException>(() => Do(post, action)).Errors.Keys.Single());
    }

    [Fact]
    public void Closing_needs_an_answer_and_answering_takes_the_opinion_on()
    {
        var post = In(OpinionState.Open);
        Assert.Equal("answer", Assert.Throws<ValidationFailedException>(() => post.Close(" ", T0)).Errors.Keys.Single());
        Assert.Equal(OpinionState.Open, post.State);
        post.AnswerWith("  已报修  ", "officer-c", T0);
        Assert.Equal(("已报修", "officer-c"), (post.Answer, post.AssignedToUserId));
    }

    [Fact]
    public void Hiding_keeps_who_why_and_when_and_showing_clears_them()
    {
        var post = In(OpinionState.Open);
        post.Hide(" 引流信息 ", "moderator", T0);
        Assert.Equal(
            (true, "引流信息", "moderator", (DateTimeOffset?)T0),
            (post.Hidden, post.HiddenReason, post.HiddenById, post.HiddenAt)
        );
        post.Show();
        Assert.Equal(
            (false, (string?)null, (string?)null, (DateTimeOffset?)null),
            (post.Hidden, post.HiddenReason, post.HiddenById, post.HiddenAt)
        );
        Assert.Throws<ValidationFailedException>(() => post.Hide("", "moderator", T0));
    }
}
