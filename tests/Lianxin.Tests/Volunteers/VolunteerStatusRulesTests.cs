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
        if (Expected.TryGetValue((from, action), out var to)) Assert.Equal(to, next);
        else
        {
            Assert.Null(next);
            Assert.Contains("不能", VolunteerStatusRules.RefusalMessage(from, action));
        }
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
        Assert.Equal([VolunteerAction.Decline, VolunteerAction.Suspend, VolunteerAction.Retire],
            Enum.GetValues<VolunteerAction>().Where(VolunteerStatusRules.NeedsReason).ToArray());
    }

    [Fact]
    public void Staff_buttons_never_offer_applying_and_match_the_table()
    {
        foreach (var s in Enum.GetValues<VolunteerStatus>())
        {
            var offered = VolunteerStatusRules.StaffActions(s);
            Assert.DoesNotContain(VolunteerAction.Apply, offered);
            Assert.Equal(Expected.Keys.Where(k => k.Item1 == s && k.Item2 != VolunteerAction.Apply).Select(k => k.Item2).Order(), offered.Order());
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
