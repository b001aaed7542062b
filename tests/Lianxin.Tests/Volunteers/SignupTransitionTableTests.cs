using Lianxin.Core.Common;
using Lianxin.Core.Volunteers.Activities;

namespace Lianxin.Tests.Volunteers;

/// <summary>Every step tried on a sign-up in every state. The expected table is written out here, apart from the
/// domain's own, so a change to either shows up as a failing case.</summary>
public class SignupTransitionTableTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 1, 0, 0, TimeSpan.Zero);

    /// <summary>(from, step) → resulting state, for every allowed pair. Everything else is refused.</summary>
    private static readonly Dictionary<(SignupStatus, SignupAction), SignupStatus> Expected = new()
    {
        [(SignupStatus.Pending, SignupAction.Approve)] = SignupStatus.Approved,
        [(SignupStatus.Pending, SignupAction.Decline)] = SignupStatus.Declined,
        [(SignupStatus.Pending, SignupAction.Cancel)] = SignupStatus.Cancelled,
        [(SignupStatus.Waitlisted, SignupAction.Approve)] = SignupStatus.Approved,
        [(SignupStatus.Waitlisted, SignupAction.Decline)] = SignupStatus.Declined,
        [(SignupStatus.Waitlisted, SignupAction.Cancel)] = SignupStatus.Cancelled,
        [(SignupStatus.Waitlisted, SignupAction.MoveUp)] = SignupStatus.Pending,
        [(SignupStatus.Approved, SignupAction.Decline)] = SignupStatus.Declined,
        [(SignupStatus.Approved, SignupAction.Cancel)] = SignupStatus.Cancelled,
        [(SignupStatus.Approved, SignupAction.CheckIn)] = SignupStatus.Approved,
        [(SignupStatus.Approved, SignupAction.CheckOut)] = SignupStatus.Approved,
        [(SignupStatus.Approved, SignupAction.Credit)] = SignupStatus.Approved,
        [(SignupStatus.Cancelled, SignupAction.SignUpAgain)] = SignupStatus.Pending,
    };

    public static TheoryData<SignupStatus, SignupAction> AllPairs()
    {
        var data = new TheoryData<SignupStatus, SignupAction>();
        foreach (var status in Enum.GetValues<SignupStatus>())
        foreach (var action in Enum.GetValues<SignupAction>())
            data.Add(status, action);
        return data;
    }

    private static ActivitySignup In(SignupStatus status)
    {
        var s = ActivitySignup.SignUp(
            Guid.NewGuid(),
            Guid.NewGuid(),
            status == SignupStatus.Waitlisted ? SignupStatus.Waitlisted : SignupStatus.Pending,
            status == SignupStatus.Waitlisted ? 1 : null,
            T0
        );
        if (status == SignupStatus.Approved)
            s.Approve("organiser", T0.AddHours(1));
        if (status == SignupStatus.Declined)
            s.Decline("名额已满", "organiser", T0.AddHours(1));
        if (status == SignupStatus.Cancelled)
            s.Cancel("本人取消");
        Assert.Equal(status, s.Status);
        return s;
    }

    /// <summary>A step in the shape it takes: check-out and credit come after a check-in.</summary>
    private static void Do(ActivitySignup s, SignupAction action)
    {
        switch (action)
        {
            case SignupAction.Approve:
                s.Approve("organiser", T0.AddHours(2));
                break;
            case SignupAction.Decline:
                s.Decline("另有安排", "organiser", T0.AddHours(2));
                break;
            case SignupAction.Cancel:
                s.Cancel("本人取消");
                break;
            case SignupAction.MoveUp:
                s.MoveUp();
                break;
            case SignupAction.CheckIn:
                s.CheckIn(T0.AddDays(1), CheckMethod.Organizer);
                break;
            case SignupAction.CheckOut:
                if (s.Status == SignupStatus.Approved)
                    s.CheckIn(T0.AddDays(1), CheckMethod.Organizer);
                s.CheckOut(T0.AddDays(1).AddHours(2), CheckMethod.Self, 36.6, 116.9);
                break;
            case SignupAction.Credit:
                s.Credit(120, 10);
                break;
            case SignupAction.SignUpAgain:
                s.SignUpAgain(SignupStatus.Pending, null, T0.AddHours(3));
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Each_step_from_each_state_goes_where_the_table_says_or_is_refused(SignupStatus from, SignupAction action)
    {
        var s = In(from);
        Assert.Equal(Expected.ContainsKey((from, action)), SignupTransitions.IsAllowed(from, action));
        if (Expected.TryGetValue((from, action), out var to))
        {
            Do(s, action);
            Assert.Equal(to, s.Status);
            return;
        }
        var refused = Assert.Throws<ConflictException>(() => Do(s, action));
        Assert.Equal(SignupTransitions.RefusalMessage(from, action), refused.Message);
        var offered = Expected.Keys.Where(k => k.Item1 == from).Select(k => k.Item2.Label()).ToList();
        Assert.Equal(
            $"报名当前为“{from.Label()}”，不能{action.Label()}。当前可以：{(offered.Count == 0 ? "无" : string.Join("、", offered))}。",
            refused.Message
        );
        Assert.Equal(from, s.Status);
    }

    [Fact]
    public void Checking_in_and_out_keep_their_order_and_a_checked_in_volunteer_stays()
    {
        var s = In(SignupStatus.Approved);
        Assert.Throws<ConflictException>(() => s.CheckOut(T0.AddDays(1), CheckMethod.Organizer));
        s.CheckIn(T0.AddDays(1), CheckMethod.Self, 36.6, 116.9);
        Assert.Throws<ConflictException>(() => s.CheckIn(T0.AddDays(1), CheckMethod.Organizer));
        Assert.Throws<ValidationFailedException>(() => s.CheckOut(T0.AddHours(23), CheckMethod.Organizer));
        Assert.Equal(
            "已签到的义警不能改为未通过",
            Assert.Throws<ConflictException>(() => s.Decline("迟到", "organiser", T0.AddDays(1))).Message
        );
        s.CheckOut(T0.AddDays(1).AddHours(1), CheckMethod.Organizer);
        Assert.Throws<ConflictException>(() => s.CheckOut(T0.AddDays(1).AddHours(2), CheckMethod.Organizer));
        Assert.Equal((CheckMethod.Self, 36.6, CheckMethod.Organizer), (s.CheckInMethod, s.CheckInLat!.Value, s.CheckOutMethod));
    }

    [Fact]
    public void Signing_up_again_forgets_the_earlier_decision_and_a_waiting_place_is_kept_only_while_waiting()
    {
        var s = In(SignupStatus.Cancelled);
        Assert.Equal("本人取消", s.Reason);
        s.SignUpAgain(SignupStatus.Waitlisted, 3, T0.AddHours(5));
        Assert.Equal((SignupStatus.Waitlisted, (int?)3, (string?)null, T0.AddHours(5)), (s.Status, s.WaitPosition, s.Reason, s.SignedUpAt));
        s.MoveUp();
        Assert.Null(s.WaitPosition);
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            ActivitySignup.SignUp(Guid.NewGuid(), Guid.NewGuid(), SignupStatus.Approved, null, T0)
        );
    }
}
