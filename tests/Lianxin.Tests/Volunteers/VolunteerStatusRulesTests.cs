using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;

namespace Lianxin.Tests.Volunteers;

/// <summary>Every action tried from every status (and from no record at all). The expected table is written out
/// here, apart from the rules' own, so a change to either shows up as a failing case.</summary>
public class VolunteerStatusRulesTests
{
    private static readonly Dictionary<(VolunteerStatus?, VolunteerAction), VolunteerStatus> Expected = new()
    {
        [(null, VolunteerAction.Apply)] = VolunteerStatus.Applicant,
        [(VolunteerStatus.Declined, VolunteerAction.Apply)] = VolunteerStatus.Applicant,
        [(VolunteerStatus.Retired, VolunteerAction.Apply)] = VolunteerStatus.Applicant,
        [(VolunteerStatus.Applicant, VolunteerAction.Accept)] = VolunteerStatus.Active,
        [(VolunteerStatus.Applicant, VolunteerAction.Decline)] = VolunteerStatus.Declined,
        [(VolunteerStatus.Active, VolunteerAction.Suspend)] = VolunteerStatus.Suspended,
        [(VolunteerStatus.Active, VolunteerAction.Retire)] = VolunteerStatus.Retired,
        [(VolunteerStatus.Suspended, VolunteerAction.Reinstate)] = VolunteerStatus.Active,
        [(VolunteerStatus.Suspended, VolunteerAction.Retire)] = VolunteerStatus.Retired,
    };

    public static TheoryData<VolunteerStatus?, VolunteerAction> AllPairs()
    {
        var data = new TheoryData<VolunteerStatus?, VolunteerAction>();
        foreach (var from in Enum.GetValues<VolunteerStatus>().Cast<VolunteerStatus?>().Prepend(null))
        foreach (var action in Enum.GetValues<VolunteerAction>())
            data.Add(from, action);
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Each_action_from_each_status_goes_where_the_table_says_or_is_refused(VolunteerStatus? from, VolunteerAction action)
    {
        var next = VolunteerStatusRules.Next(from, action);
        if (Expected.TryGetValue((from, action), out var to))
            Assert.Equal(to, next);
        else
        {
            Assert.Null(next);
            Assert.Contains("不能", VolunteerStatusRules.RefusalMessage(from, action));
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void The_record_takes_each_step_the_table_allows_and_refuses_the_rest(VolunteerStatus? from, VolunteerAction action)
    {
        var at = new DateTimeOffset(2026, 3, 1, 2, 0, 0, TimeSpan.Zero);
        var details = new VolunteerDetails(
            "张三",
            Gender.Male,
            ProtectedText.Empty,
            ProtectedText.Empty,
            Guid.NewGuid(),
            [],
            VolunteerAvailability.None
        );
        Assert.Equal(Expected.ContainsKey((from, action)), VolunteerStatusRules.IsAllowed(from, action));
        if (from is null)
        {
            // No record yet: only applying makes one.
            if (action != VolunteerAction.Apply)
                return;
            var (created, first) = Volunteer.Applying("u1", details, at);
            Assert.Equal((null, VolunteerStatus.Applicant, at), (first.From, created.Status, created.AppliedAt));
            return;
        }
        var v = VolunteerTestData.InStatus(Guid.NewGuid(), "张三", from.Value, at.AddDays(-10), at.AddDays(-5));
        VolunteerStatusChange Do() =>
            action == VolunteerAction.Apply
                ? v.Reapply(details, "u1", at)
                : v.Change(action, VolunteerStatusRules.NeedsReason(action) ? "原因" : null, "staff", at);
        if (Expected.TryGetValue((from, action), out var to))
        {
            var change = Do();
            Assert.Equal((from, to), (change.From, change.To));
            Assert.Equal(to, v.Status);
            Assert.Equal(v.Id, change.VolunteerId);
            return;
        }
        if (action == VolunteerAction.Apply)
        {
            var refused = Assert.Throws<ConflictException>(Do);
            Assert.Equal(VolunteerStatusRules.RefusalMessage(from, action), refused.Message);
        }
        else
        {
            var refused = Assert.Throws<ConflictException>(Do);
            Assert.Equal(VolunteerStatusRules.RefusalMessage(from, action), refused.Message);
            var offered = VolunteerStatusRules.StaffActions(from.Value).Select(a => a.Label()).ToList();
            Assert.Equal(
                $"该义警当前为“{from.Value.Label()}”，不能{action.Label()}。当前可以：{(offered.Count == 0 ? "无" : string.Join("、", offered))}。",
                refused.Message
            );
        }
        Assert.Equal(from, v.Status);
    }

    [Fact]
    public void The_first_acceptance_sets_the_joining_date_and_a_reinstatement_keeps_it()
    {
        var applied = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var v = VolunteerTestData.InStatus(Guid.NewGuid(), "李四", VolunteerStatus.Applicant, applied);
        Assert.Null(v.JoinedAt);
        v.Accept("staff", applied.AddDays(3));
        v.Suspend("外出务工", "staff", applied.AddDays(30));
        v.Reinstate("staff", applied.AddDays(60));
        Assert.Equal(applied.AddDays(3), v.JoinedAt);
        Assert.Throws<ValidationFailedException>(() => v.Suspend(" ", "staff", applied.AddDays(70)));
        Assert.Throws<ValidationFailedException>(() => v.Change(VolunteerAction.Apply, null, "staff", applied.AddDays(70)));
        Assert.Equal(VolunteerStatus.Active, v.Status);
    }

    [Fact]
    public void Only_an_active_volunteer_holds_the_role()
    {
        Assert.True(VolunteerStatusRules.HoldsVolunteerRole(VolunteerStatus.Active));
        foreach (var s in Enum.GetValues<VolunteerStatus>().Where(s => s != VolunteerStatus.Active))
            Assert.False(VolunteerStatusRules.HoldsVolunteerRole(s));
    }

    [Fact]
    public void Decline_suspend_and_retire_need_a_reason_the_others_do_not()
    {
        Assert.Equal(
            [VolunteerAction.Decline, VolunteerAction.Suspend, VolunteerAction.Retire],
            Enum.GetValues<VolunteerAction>().Where(VolunteerStatusRules.NeedsReason).ToArray()
        );
    }

    [Fact]
    public void Staff_buttons_never_offer_applying_and_match_the_table()
    {
        foreach (var s in Enum.GetValues<VolunteerStatus>())
        {
            var offered = VolunteerStatusRules.StaffActions(s);
            Assert.DoesNotContain(VolunteerAction.Apply, offered);
            Assert.Equal(
                Expected.Keys.Where(k => k.Item1 == s && k.Item2 != VolunteerAction.Apply).Select(k => k.Item2).Order(),
                offered.Order()
            );
            Assert.Equal(Expected.Keys.Where(k => k.Item1 == s).Select(k => k.Item2).Order(), VolunteerStatusRules.Allowed(s).Order());
        }
        var refusal = VolunteerStatusRules.RefusalMessage(VolunteerStatus.Active, VolunteerAction.Accept);
        Assert.Contains("暂停", refusal);
        Assert.Contains("退出", refusal);
    }

    [Fact]
    public void Availability_reads_in_words()
    {
        Assert.Equal("未填写", VolunteerAvailability.None.Label());
        Assert.Equal("工作日晚上、周末", (VolunteerAvailability.WeekdayEvening | VolunteerAvailability.Weekend).Label());
    }
}
