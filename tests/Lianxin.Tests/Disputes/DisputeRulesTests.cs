using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using static Lianxin.Tests.Disputes.DisputeTestData;

namespace Lianxin.Tests.Disputes;

public class DisputeRulesTests
{
    [Fact]
    public void Registering_records_who_when_how_and_where_and_starts_the_timeline()
    {
        var d = Dispute.Register(Form() with { Source = DisputeSource.HouseholdHead }, HouseholdHead, T0);

        Assert.Equal(DisputeStatus.Registered, d.Status);
        Assert.Null(d.Level);
        Assert.Equal(DisputeSource.HouseholdHead, d.Source);
        Assert.Equal(HouseholdHead, d.RegisteredById);
        Assert.Equal(HouseholdHead, d.CreatedById);
        Assert.Equal(T0, d.RegisteredAt);
        Assert.Equal(VillageId, d.OrgUnitId);
        Assert.Equal(2, d.Parties.Count);
        var first = Assert.Single(d.Events);
        Assert.Equal(DisputeEventKind.Registered, first.Kind);
        Assert.Null(first.FromStatus);
        Assert.Equal(DisputeStatus.Registered, first.ToStatus);
    }

    [Fact]
    public void Registering_without_the_required_facts_lists_every_missing_field()
    {
        var form = Form() with
        {
            Number = " ",
            Title = "",
            CategoryCode = "",
            Description = "  ",
            OrgUnitId = Guid.Empty,
            Source = (DisputeSource)99,
        };

        var error = Assert.Throws<ValidationFailedException>(() => Dispute.Register(form, Officer, T0));

        Assert.Equal(["categoryCode", "description", "number", "orgUnitId", "source", "title"], error.Errors.Keys.Order());
        Assert.Equal("纠纷编号不能为空", error.Errors["number"][0]);
    }

    [Fact]
    public void Registering_trims_text_and_refuses_an_overlong_description()
    {
        var d = Dispute.Register(Form() with { Title = "  邻里争吵  ", Address = "  " }, Officer, T0);
        Assert.Equal("邻里争吵", d.Title);
        Assert.Null(d.Address);

        var error = Assert.Throws<ValidationFailedException>(() =>
            Dispute.Register(Form(new string('吵', TextLimits.Text + 1)), Officer, T0)
        );
        Assert.Contains("description", error.Errors.Keys);
    }

    [Fact]
    public void A_party_may_be_unidentified_a_named_person_or_an_organisation()
    {
        var unknown = DisputeParty.Create(PartyRole.Respondent);
        var named = DisputeParty.Create(PartyRole.Applicant, "程某", isVulnerable: true);
        var company = DisputeParty.Create(PartyRole.Respondent, "王经理", organizationName: "某置业公司");
        var resident = DisputeParty.Create(PartyRole.Applicant, "龚某", residentId: Guid.CreateVersion7());

        Assert.True(unknown.IsUnidentified);
        Assert.Equal("身份不明", unknown.DisplayName);
        Assert.False(named.IsUnidentified);
        Assert.True(named.IsVulnerable);
        Assert.True(company.IsOrganization);
        Assert.Equal("某置业公司（王经理）", company.DisplayName);
        Assert.NotNull(resident.ResidentId);
        Assert.Throws<ValidationFailedException>(() => DisputeParty.Create((PartyRole)9, "某"));
        Assert.Throws<ValidationFailedException>(() => DisputeParty.Create(PartyRole.Other, "某", residentId: Guid.Empty));
    }

    [Fact]
    public void Triage_needs_at_least_one_party_though_an_unidentified_one_will_do()
    {
        var d = Dispute.Register(Form() with { Parties = [] }, Officer, T0);

        var error = Assert.Throws<ValidationFailedException>(() => d.Triage(DisputeJurisdiction.PoliceSimple, Officer, T0.AddHours(1)));
        Assert.Contains("parties", error.Errors.Keys);
        Assert.Equal(DisputeStatus.Registered, d.Status);

        d.AddParty(DisputeParty.Create(PartyRole.Respondent), Officer, T0.AddHours(1));
        d.Triage(DisputeJurisdiction.PoliceSimple, Officer, T0.AddHours(2));
        Assert.Equal(DisputeStatus.Triaged, d.Status);
    }

    [Fact]
    public void Triage_records_the_jurisdiction_and_starts_the_time_limit()
    {
        var d = New();
        d.Triage(DisputeJurisdiction.NotPolice, Officer, T0.AddHours(1), "土地承包，属司法所");

        Assert.Equal(DisputeJurisdiction.NotPolice, d.Jurisdiction);
        Assert.Equal(T0.AddHours(1), d.TriagedAt);
        Assert.Equal(T0.AddHours(1), d.LimitStartedAt);
        Assert.Equal("土地承包，属司法所", d.Events[^1].Reason);
    }

    [Fact]
    public void Removing_a_party_not_in_the_dispute_is_not_found()
    {
        var d = New();
        Assert.Throws<NotFoundException>(() => d.RemoveParty(Guid.CreateVersion7(), Officer, T0.AddHours(1)));
        d.RemoveParty(d.Parties[0].Id, Officer, T0.AddHours(1));
        Assert.Single(d.Parties);
    }

    [Fact]
    public void Escalation_records_who_when_from_which_level_to_which_and_why()
    {
        var d = At(Stage.Level1);
        var at = T0.AddDays(1);

        d.Escalate(MediationLevel.Village, "security-director", at, "百户长初调未成");

        var e = d.Events[^1];
        Assert.Equal(DisputeEventKind.Escalated, e.Kind);
        Assert.Equal("security-director", e.ById);
        Assert.Equal(at, e.At);
        Assert.Equal((DisputeStatus.Mediating, MediationLevel.HouseholdHead), (e.FromStatus, e.FromLevel));
        Assert.Equal((DisputeStatus.Mediating, MediationLevel.Village), (e.ToStatus, e.ToLevel));
        Assert.Equal("百户长初调未成", e.Reason);
    }

    [Fact]
    public void Escalation_may_skip_levels_upward()
    {
        var d = At(Stage.Level1);
        d.Escalate(MediationLevel.County, Officer, T0.AddDays(1), "矛盾激化，直接提请县中心");
        Assert.Equal(MediationLevel.County, d.Level);
    }

    [Theory]
    [InlineData(Stage.Level2, MediationLevel.Village)]
    [InlineData(Stage.Level2, MediationLevel.HouseholdHead)]
    [InlineData(Stage.Level3, MediationLevel.Village)]
    public void Escalation_never_goes_sideways_or_down_and_says_where_it_can_go(Stage from, MediationLevel to)
    {
        var d = At(from);
        var before = (d.Level, d.Events.Count);

        var error = Assert.Throws<ValidationFailedException>(() => d.Escalate(to, Officer, T0.AddDays(1), "升级"));

        Assert.Equal(before, (d.Level, d.Events.Count));
        foreach (var above in d.Level!.Value.Above())
            Assert.Contains(above.Label(), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Escalation_without_a_reason_is_refused(string reason)
    {
        var d = At(Stage.Level1);
        var error = Assert.Throws<ValidationFailedException>(() => d.Escalate(MediationLevel.Village, Officer, T0.AddDays(1), reason));
        Assert.Equal("升级原因不能为空", error.Message);
        Assert.Equal(MediationLevel.HouseholdHead, d.Level);
    }

    [Fact]
    public void A_failed_mediation_at_a_level_can_be_escalated_or_tried_again_at_that_level()
    {
        var d = At(Stage.Level1);
        d.RecordFailedAttempt(HouseholdHead, T0.AddDays(1), "双方情绪激动");
        Assert.Equal((DisputeStatus.Mediating, MediationLevel.HouseholdHead), (d.Status, d.Level));
        Assert.Equal(1, d.FailedMediationCount);

        d.RecordFailedAttempt(HouseholdHead, T0.AddDays(2), "再次调解仍未成");
        d.Escalate(MediationLevel.Village, Officer, T0.AddDays(3), "初调两次未成");
        Assert.Equal(2, d.FailedMediationCount);
        Assert.Equal(MediationLevel.Village, d.Level);
    }

    [Fact]
    public void Recording_a_failed_attempt_needs_its_reason()
    {
        var d = At(Stage.Level1);
        Assert.Throws<ValidationFailedException>(() => d.RecordFailedAttempt(Officer, T0.AddDays(1), ""));
        Assert.Equal(0, d.FailedMediationCount);
    }

    [Fact]
    public void Failing_as_an_end_requires_the_other_routes_the_parties_were_told()
    {
        var d = At(Stage.Level3);

        var error = Assert.Throws<ValidationFailedException>(() => d.Fail(OtherRoutes.None, Officer, T0.AddDays(1)));
        Assert.Contains("routesExplained", error.Errors.Keys);
        Assert.Contains("仲裁、行政处理、诉讼", error.Message, StringComparison.Ordinal);
        Assert.Throws<ValidationFailedException>(() => d.Fail((OtherRoutes)8, Officer, T0.AddDays(1)));
        Assert.Equal(DisputeStatus.Mediating, d.Status);
        Assert.Null(d.EndedAt);

        d.Fail(OtherRoutes.Arbitration | OtherRoutes.Court, Officer, T0.AddDays(1), "双方分歧过大");

        Assert.Equal(DisputeStatus.Failed, d.Status);
        Assert.Equal(MediationLevel.PoliceOffice, d.Level);
        Assert.Equal("仲裁、诉讼", d.RoutesExplained.Label());
        Assert.Equal(T0.AddDays(1), d.EndedAt);
        Assert.Equal(1, d.FailedMediationCount);
    }

    [Fact]
    public void Referral_needs_a_receiver_and_may_come_straight_from_triage()
    {
        var d = At(Stage.Triaged);

        var error = Assert.Throws<ValidationFailedException>(() => d.Refer(" ", Officer, T0.AddDays(1)));
        Assert.Contains("receiver", error.Errors.Keys);
        Assert.Equal(DisputeStatus.Triaged, d.Status);

        d.Refer("岔头镇司法所", Officer, T0.AddDays(1), "非公安管辖，警调衔接");
        Assert.Equal(DisputeStatus.Referred, d.Status);
        Assert.Equal("岔头镇司法所", d.ReferredTo);
        Assert.Null(d.Level);
    }

    [Fact]
    public void Resolving_keeps_the_level_it_was_resolved_at()
    {
        var d = At(Stage.Level2);
        d.Resolve(Officer, T0.AddDays(1), "双方握手言和");
        Assert.Equal((DisputeStatus.Resolved, MediationLevel.Village), (d.Status, d.Level));
        Assert.Equal(T0.AddDays(1), d.EndedAt);
    }

    [Fact]
    public void Withdrawing_needs_a_reason()
    {
        var d = At(Stage.Registered);
        Assert.Throws<ValidationFailedException>(() => d.Withdraw(Officer, T0.AddDays(1), ""));
        d.Withdraw(Officer, T0.AddDays(1), "双方已自行和解");
        Assert.Equal(DisputeStatus.Withdrawn, d.Status);
    }

    [Fact]
    public void A_step_cannot_be_dated_before_the_previous_one()
    {
        var d = At(Stage.Triaged);
        var error = Assert.Throws<ValidationFailedException>(() =>
            d.StartMediation(MediationLevel.HouseholdHead, Officer, T0.AddMinutes(30))
        );
        Assert.Contains("at", error.Errors.Keys);
        Assert.Equal(DisputeStatus.Triaged, d.Status);
    }

    [Fact]
    public void A_step_needs_the_person_who_took_it()
    {
        var d = At(Stage.Triaged);
        Assert.Throws<ValidationFailedException>(() => d.StartMediation(MediationLevel.HouseholdHead, " ", T0.AddDays(1)));
        Assert.Equal(DisputeStatus.Triaged, d.Status);
    }

    [Fact]
    public void Allowed_actions_follow_the_level_at_the_top_there_is_no_escalation()
    {
        Assert.Contains(DisputeAction.Escalate, At(Stage.Level3).AllowedActions);
        Assert.DoesNotContain(DisputeAction.Escalate, At(Stage.Level4).AllowedActions);
    }

    [Fact]
    public void Recording_risk_says_when_it_has_just_turned_red_so_the_leader_is_told_once()
    {
        var d = New();
        var red = new RiskAssessment(DisputeRisk.Red, 70, []);
        var orange = new RiskAssessment(DisputeRisk.Orange, 45, []);

        Assert.True(d.RecordRisk(red, T0));
        Assert.False(d.RecordRisk(red, T0.AddHours(1)));
        Assert.False(d.RecordRisk(orange, T0.AddHours(2)));
        Assert.True(d.RecordRisk(red, T0.AddHours(3)));
        Assert.Equal(DisputeRisk.Red, d.Risk);
        Assert.Equal(T0.AddHours(3), d.RiskAssessedAt);
    }
}
