using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Organization;
using static Lianxin.Tests.Disputes.DisputeTestData;

namespace Lianxin.Tests.Disputes;

public class MediationSessionRulesTests
{
    private static readonly DateTimeOffset Now = T0.AddDays(1);
    private static readonly Member Head = new() { Name = "王百户", Kind = MemberKind.HouseholdHead };
    private static readonly Member Lawyer = new()
    {
        Name = "李律师",
        Kind = MemberKind.Partner,
        Organization = "明理律师事务所",
    };

    private static SessionForm Plan(DateTimeOffset? at = null) =>
        new()
        {
            At = at ?? Now.AddHours(3),
            Place = "东峪村警务室",
            Mediators = [SessionMediator.FromMember(Head), SessionMediator.Outside("赵支书", "东峪村委会")],
            Attendees = [SessionAttendee.Create("龚某"), SessionAttendee.Create("程某")],
        };

    private static SessionForm Held(MediationOutcome outcome = MediationOutcome.NotAgreed) =>
        Plan(Now.AddHours(-2)) with
        {
            Summary = "双方对院墙位置各执一词，约定下周再谈",
            Outcome = outcome,
        };

    [Fact]
    public void A_planned_session_takes_the_disputes_current_level_and_keeps_who_mediates_with_their_organisation()
    {
        var d = At(Stage.Level2);
        var s = MediationSession.Plan(d, Plan() with { Mediators = [SessionMediator.FromMember(Lawyer)] }, Officer, Now);

        Assert.Equal((SessionStatus.Planned, MediationLevel.Village, Now.AddHours(3)), (s.Status, s.Level, s.At));
        Assert.Equal(s.At, s.PlannedAt);
        var m = Assert.Single(s.Mediators);
        Assert.Equal(
            ("李律师", "明理律师事务所", MemberKind.Partner, Lawyer.Id),
            (m.Name, m.Organization, m.Kind!.Value, m.MemberId!.Value)
        );
        Assert.Null(s.Outcome);
    }

    [Fact]
    public void Recording_a_planned_session_keeps_its_plan_and_adds_summary_and_outcome_without_moving_the_dispute()
    {
        var d = At(Stage.Level1);
        var s = MediationSession.Plan(d, Plan(), Officer, Now);
        var later = Now.AddHours(5);

        s.Update(
            d,
            Plan() with
            {
                At = null,
                Summary = "百户长从中说和，双方未能谈拢",
                Outcome = MediationOutcome.NotAgreed,
            },
            HouseholdHead,
            later
        );

        Assert.Equal(SessionStatus.Held, s.Status);
        Assert.Equal(Now.AddHours(3), s.At); // held at the planned time unless told otherwise
        Assert.Equal(Now.AddHours(3), s.PlannedAt);
        Assert.Equal((MediationOutcome.NotAgreed, HouseholdHead, later), (s.Outcome!.Value, s.RecordedById, s.RecordedAt!.Value));
        Assert.Equal(DisputeStatus.Mediating, d.Status);
        Assert.Equal(MediationLevel.HouseholdHead, d.Level);
    }

    [Fact]
    public void A_session_recorded_before_its_planned_time_was_brought_forward_to_now()
    {
        var d = At(Stage.Level1);
        var s = MediationSession.Plan(d, Plan(Now.AddHours(3)), Officer, Now);
        s.Update(d, Plan() with { At = null, Summary = "提前召开", Outcome = MediationOutcome.Agreed }, Officer, Now.AddHours(1));
        Assert.Equal((Now.AddHours(1), Now.AddHours(3)), (s.At, s.PlannedAt!.Value));
    }

    [Fact]
    public void A_session_can_be_recorded_directly_with_an_explicit_level_even_before_mediation_started()
    {
        var d = At(Stage.Triaged);
        var s = MediationSession.Record(d, Held(MediationOutcome.Agreed) with { Level = MediationLevel.PoliceOffice }, Officer, Now);
        Assert.Equal((SessionStatus.Held, MediationLevel.PoliceOffice, (DateTimeOffset?)null), (s.Status, s.Level, s.PlannedAt));
        Assert.Equal(Now.AddHours(-2), s.At);
    }

    [Fact]
    public void Without_a_level_on_the_dispute_the_session_must_name_one()
    {
        var e = Assert.Throws<ValidationFailedException>(() => MediationSession.Plan(At(Stage.Triaged), Plan(), Officer, Now));
        Assert.Contains("level", e.Errors.Keys);
    }

    [Theory]
    [InlineData(Stage.Resolved)]
    [InlineData(Stage.Referred)]
    [InlineData(Stage.Failed)]
    [InlineData(Stage.Withdrawn)]
    [InlineData(Stage.Closed)]
    public void Sessions_are_refused_once_the_dispute_has_ended(Stage stage)
    {
        var d = At(stage);
        Assert.Throws<ConflictException>(() =>
            MediationSession.Plan(d, Plan() with { Level = MediationLevel.Village }, Officer, Now.AddDays(1))
        );
        Assert.Throws<ConflictException>(() =>
            MediationSession.Record(d, Held() with { Level = MediationLevel.Village }, Officer, Now.AddDays(1))
        );
    }

    [Fact]
    public void A_planned_session_of_an_ended_dispute_can_still_be_cancelled_but_not_recorded()
    {
        var d = At(Stage.Level3);
        var s = MediationSession.Plan(d, Plan(), Officer, Now);
        d.Resolve(Officer, Now.AddHours(1), "当场达成一致");
        Assert.Throws<ConflictException>(() => s.Update(d, Held(), Officer, Now.AddHours(2)));
        s.Cancel("纠纷已化解，无需再调", Officer, Now.AddHours(2));
        Assert.Equal((SessionStatus.Cancelled, "纠纷已化解，无需再调", Officer), (s.Status, s.CancelReason, s.CancelledById));
    }

    [Fact]
    public void Cancelling_needs_a_reason_and_a_held_or_cancelled_session_cannot_be_cancelled()
    {
        var d = At(Stage.Level1);
        var planned = MediationSession.Plan(d, Plan(), Officer, Now);
        Assert.Throws<ValidationFailedException>(() => planned.Cancel("  ", Officer, Now));
        Assert.Equal(SessionStatus.Planned, planned.Status);
        planned.Cancel("当事人外出务工", Officer, Now);
        Assert.Throws<ConflictException>(() => planned.Cancel("again", Officer, Now));
        Assert.Throws<ConflictException>(() => planned.Update(d, Held(), Officer, Now));

        var held = MediationSession.Record(d, Held(), Officer, Now);
        Assert.Throws<ConflictException>(() => held.Cancel("记错了", Officer, Now));
    }

    [Theory]
    [InlineData("ftp://meet.example.cn/room")]
    [InlineData("javascript:alert(1)")]
    [InlineData("meet.example.cn/room")]
    [InlineData("https://")]
    [InlineData("https://meet.example.cn/a room")]
    public void A_video_link_must_be_a_web_address(string link)
    {
        var d = At(Stage.Level4);
        var e = Assert.Throws<ValidationFailedException>(() =>
            MediationSession.Plan(d, Plan() with { Place = null, VideoLink = link }, Officer, Now)
        );
        Assert.Contains("videoLink", e.Errors.Keys);
    }

    [Fact]
    public void The_county_centre_meets_by_video_link_alone()
    {
        var d = At(Stage.Level4);
        var s = MediationSession.Plan(d, Plan() with { Place = null, VideoLink = "https://tiaojie.county.gov.cn/room/42" }, Officer, Now);
        Assert.Equal(("https://tiaojie.county.gov.cn/room/42", (string?)null, MediationLevel.County), (s.VideoLink, s.Place, s.Level));
    }

    [Fact]
    public void Every_missing_or_oversized_field_is_reported_at_once()
    {
        var d = At(Stage.Level1);
        var e = Assert.Throws<ValidationFailedException>(() =>
            MediationSession.Record(
                d,
                new SessionForm
                {
                    At = Now.AddHours(-1),
                    Place = new string('地', 201),
                    Mediators = [],
                    Attendees = [SessionAttendee.Create(" ")],
                    Summary = new string('情', 2001),
                    Outcome = (MediationOutcome)99,
                },
                Officer,
                Now
            )
        );
        Assert.Equal(["attendees", "mediators", "outcome", "place", "summary"], e.Errors.Keys.Order().ToArray());
    }

    [Fact]
    public void Neither_place_nor_link_is_refused()
    {
        var e = Assert.Throws<ValidationFailedException>(() =>
            MediationSession.Plan(At(Stage.Level1), Plan() with { Place = " " }, Officer, Now)
        );
        Assert.Contains("place", e.Errors.Keys);
    }

    [Fact]
    public void Times_must_make_sense_a_plan_is_ahead_and_a_record_is_not_in_the_future_nor_before_registration()
    {
        var d = At(Stage.Level1);
        Assert.Contains(
            "at",
            Assert.Throws<ValidationFailedException>(() => MediationSession.Plan(d, Plan(Now.AddHours(-1)), Officer, Now)).Errors.Keys
        );
        Assert.Contains(
            "at",
            Assert.Throws<ValidationFailedException>(() => MediationSession.Plan(d, Plan(Now.AddDays(400)), Officer, Now)).Errors.Keys
        );
        Assert.Contains(
            "at",
            Assert.Throws<ValidationFailedException>(() => MediationSession.Plan(d, Plan() with { At = null }, Officer, Now)).Errors.Keys
        );
        Assert.Contains(
            "at",
            Assert
                .Throws<ValidationFailedException>(() => MediationSession.Record(d, Held() with { At = Now.AddHours(1) }, Officer, Now))
                .Errors.Keys
        );
        Assert.Contains(
            "at",
            Assert
                .Throws<ValidationFailedException>(() => MediationSession.Record(d, Held() with { At = T0.AddDays(-1) }, Officer, Now))
                .Errors.Keys
        );
        Assert.Contains(
            "summary",
            Assert
                .Throws<ValidationFailedException>(() => MediationSession.Plan(d, Plan() with { Summary = "提前写好" }, Officer, Now))
                .Errors.Keys
        );
    }

    [Fact]
    public void The_same_member_cannot_mediate_twice_in_one_session_and_a_stranger_party_is_refused()
    {
        var d = At(Stage.Level1);
        var twice = Plan() with { Mediators = [SessionMediator.FromMember(Head), SessionMediator.FromMember(Head)] };
        Assert.Contains(
            "mediators",
            Assert.Throws<ValidationFailedException>(() => MediationSession.Plan(d, twice, Officer, Now)).Errors.Keys
        );
        var stranger = Plan() with { Attendees = [SessionAttendee.Create("某人", Guid.NewGuid())] };
        Assert.Contains(
            "attendees",
            Assert.Throws<ValidationFailedException>(() => MediationSession.Plan(d, stranger, Officer, Now)).Errors.Keys
        );
        var party = d.Parties[0];
        var s = MediationSession.Plan(
            d,
            Plan() with
            {
                Attendees = [SessionAttendee.Create(party.DisplayName, party.Id, "申请方")],
            },
            Officer,
            Now
        );
        Assert.Equal(party.Id, Assert.Single(s.Attendees).PartyId);
    }

    [Fact]
    public void A_held_session_cannot_be_turned_back_into_a_plan()
    {
        var d = At(Stage.Level1);
        var s = MediationSession.Record(d, Held(), Officer, Now);
        var e = Assert.Throws<ValidationFailedException>(() => s.Update(d, Plan(), Officer, Now));
        Assert.Contains("outcome", e.Errors.Keys);
        s.Update(d, Held(MediationOutcome.PartlyAgreed), Officer, Now.AddMinutes(5));
        Assert.Equal(MediationOutcome.PartlyAgreed, s.Outcome);
    }

    [Fact]
    public void The_reminder_is_due_once_within_a_day_before_and_a_new_time_earns_a_new_one()
    {
        var d = At(Stage.Level1);
        var s = MediationSession.Plan(d, Plan(Now.AddHours(30)), Officer, Now);
        var day = MediationSessionReminders.Window;
        Assert.False(s.IsReminderDue(Now, day));
        Assert.True(s.IsReminderDue(Now.AddHours(7), day));
        s.MarkReminded(Now.AddHours(7));
        Assert.False(s.IsReminderDue(Now.AddHours(8), day));
        Assert.Throws<ConflictException>(() => s.MarkReminded(Now.AddHours(8)));

        s.Update(d, Plan(Now.AddHours(40)), Officer, Now.AddHours(8));
        Assert.Null(s.ReminderSentAt);
        Assert.False(s.IsReminderDue(Now.AddHours(41), day)); // already past
    }

    [Theory]
    [InlineData(MediationOutcome.Agreed, new[] { DisputeAction.Resolve })]
    [InlineData(
        MediationOutcome.NotAgreed,
        new[] { DisputeAction.RecordFailedAttempt, DisputeAction.Escalate, DisputeAction.Refer, DisputeAction.Fail }
    )]
    [InlineData(MediationOutcome.Adjourned, new DisputeAction[0])]
    public void Each_outcome_suggests_the_steps_the_dispute_allows(MediationOutcome outcome, DisputeAction[] expected)
    {
        Assert.Equal(expected, outcome.NextSteps(At(Stage.Level1).AllowedActions));
    }

    [Fact]
    public void At_the_county_level_a_failed_session_cannot_suggest_escalation()
    {
        var steps = MediationOutcome.NotAgreed.NextSteps(At(Stage.Level4).AllowedActions);
        Assert.DoesNotContain(DisputeAction.Escalate, steps);
        Assert.Contains(DisputeAction.RecordFailedAttempt, steps);
    }
}

public class CounsellingRulesTests
{
    private static readonly DateTimeOffset Now = T0.AddDays(1);

    private static CounsellingForm Form() =>
        new()
        {
            DisputeId = Guid.NewGuid(),
            CounsellorName = "古老师",
            CounsellorOrganization = "小古心理工作室",
            At = Now.AddHours(-1),
            Method = CounsellingMethod.InPerson,
            Summary = "情绪稳定，愿意再谈",
            NeedsMore = true,
            NextAt = Now.AddDays(7),
        };

    [Fact]
    public void A_record_needs_a_dispute_or_a_resident_and_a_next_date_when_more_is_needed()
    {
        CounsellingSession.Validate(Form(), Now);
        CounsellingSession.Validate(Form() with { DisputeId = null, ResidentId = Guid.NewGuid() }, Now);
        var e = Assert.Throws<ValidationFailedException>(() =>
            CounsellingSession.Validate(
                Form() with
                {
                    DisputeId = null,
                    NextAt = null,
                    Method = null,
                    Summary = "",
                    CounsellorName = null,
                },
                Now
            )
        );
        Assert.Equal(["counsellorName", "disputeId", "method", "nextAt", "summary"], e.Errors.Keys.Order().ToArray());
        Assert.Contains(
            "nextAt",
            Assert
                .Throws<ValidationFailedException>(() => CounsellingSession.Validate(Form() with { NextAt = Now.AddHours(-2) }, Now))
                .Errors.Keys
        );
        Assert.Contains(
            "nextAt",
            Assert.Throws<ValidationFailedException>(() => CounsellingSession.Validate(Form() with { NeedsMore = false }, Now)).Errors.Keys
        );
        Assert.Contains(
            "at",
            Assert
                .Throws<ValidationFailedException>(() =>
                    CounsellingSession.Validate(Form() with { At = Now.AddDays(1), NextAt = Now.AddDays(9) }, Now)
                )
                .Errors.Keys
        );
    }

    [Fact]
    public void What_it_is_attached_to_is_fixed_once_recorded()
    {
        var form = Form();
        var s = CounsellingSession.Create(form, Guid.NewGuid(), [1, 2, 3], Officer, Now);
        Assert.Throws<ValidationFailedException>(() => s.Update(form with { DisputeId = Guid.NewGuid() }, [4], Now));
        s.Update(form with { DisputeId = null, NeedsMore = false, NextAt = null }, [4], Now);
        Assert.Equal((form.DisputeId, false, (DateTimeOffset?)null), (s.DisputeId, s.NeedsMore, s.NextAt));
    }
}

public class SuggestedForceRulesTests
{
    [Fact]
    public void Every_seeded_dispute_category_has_default_forces()
    {
        var categories = Lianxin
            .Core.Dictionaries.DictionaryDefaults.Items.Where(i => i.Category == "dispute-category")
            .Select(i => i.Code);
        foreach (var code in categories)
            Assert.NotEmpty(DisputeForceDefaults.For(code));
        Assert.Equal(["村干部", "司法所", "治保主任"], DisputeForceDefaults.For("homestead").Select(f => f.Name));
        Assert.Equal(["劳动监察", "律师"], DisputeForceDefaults.For("labour").Select(f => f.Name));
        Assert.Contains(DisputeForceDefaults.For("family"), f => f.Name == "妇联");
        Assert.Contains(DisputeForceDefaults.For("neighbour"), f => f.Kind == MemberKind.HouseholdHead);
    }

    [Fact]
    public void A_list_keeps_the_order_given_and_refuses_blank_duplicate_or_too_many_entries()
    {
        var list = DisputeForceList.Create(
            "labour",
            [SuggestedForce.Create("律师", MemberKind.Partner, "律师"), SuggestedForce.Create("劳动监察")]
        );
        Assert.Equal([("律师", 0), ("劳动监察", 1)], list.Forces.Select(f => (f.Name, f.SortOrder)));
        Assert.Throws<ValidationFailedException>(() => list.Replace([SuggestedForce.Create(" ")]));
        Assert.Throws<ValidationFailedException>(() => list.Replace([SuggestedForce.Create("律师"), SuggestedForce.Create("律师 ")]));
        Assert.Throws<ValidationFailedException>(() =>
            list.Replace(Enumerable.Range(0, 21).Select(i => SuggestedForce.Create($"力量{i}")).ToList())
        );
        Assert.Equal(2, list.Forces.Count);
        list.Replace([]);
        Assert.Empty(list.Forces);
    }
}
