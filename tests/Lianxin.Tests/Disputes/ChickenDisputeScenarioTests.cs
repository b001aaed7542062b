using Lianxin.Core.Disputes;
using static Lianxin.Tests.Disputes.DisputeTestData;

namespace Lianxin.Tests.Disputes;

/// <summary>Seed 002: Cheng's chickens pecked Gong's vegetables; Gong cursed Cheng's mother; Cheng, back
/// from work and drunk, smashed Gong's gate and they nearly came to blows. The household head steps in;
/// here the first two tiers fail and the police office's joint mediation settles it.</summary>
public class ChickenDisputeScenarioTests
{
    private const string SecurityDirector = "security-director-1";
    private const string VillageOfficer = "village-officer-1";

    [Fact]
    public void Household_head_to_joint_mediation_to_a_stable_follow_up_and_closing()
    {
        var grader = new RiskGrader();
        var day = new DateTimeOffset(2022, 12, 20, 19, 0, 0, China);
        var cheng = DisputeParty.Create(PartyRole.Respondent, "程某");
        var gong = DisputeParty.Create(PartyRole.Applicant, "龚某");

        var d = Dispute.Register(
            new DisputeRegistration
            {
                Number = "SY-2022-051",
                Title = "程某与龚某因鸡啄菜园引发纠纷",
                CategoryCode = "neighbour",
                Description = "程家的鸡啄了龚家菜园的菜，龚某骂了程某母亲；程某酒后到龚家砸坏大门，双方险些大打出手，被路过村民劝开。",
                Source = DisputeSource.HouseholdHead,
                OrgUnitId = VillageId,
                Address = "双堰村",
                Parties = [gong, cheng],
            },
            HouseholdHead,
            day
        );

        var atRegistration = grader.Grade(d, RiskHistory.None, day);
        Assert.Equal(DisputeRisk.Yellow, atRegistration.Grade);
        Assert.Equal("纠纷情况中出现威胁或暴力字眼：打、砸", Assert.Single(atRegistration.Factors).Reason);
        Assert.False(d.RecordRisk(atRegistration, day));

        d.Triage(DisputeJurisdiction.PoliceSimple, VillageOfficer, day.AddMinutes(30), "邻里纠纷，先由百户长初调");
        d.StartMediation(MediationLevel.HouseholdHead, HouseholdHead, day.AddHours(1), "百户长上门分头劝说");
        d.RecordFailedAttempt(HouseholdHead, day.AddHours(3), "程某不肯赔门，龚某不肯道歉");
        d.Escalate(MediationLevel.Village, SecurityDirector, day.AddHours(3), "百户长初调未成，治保主任复调");
        d.RecordFailedAttempt(SecurityDirector, day.AddDays(1), "双方仍各执一词");
        d.Escalate(MediationLevel.PoliceOffice, VillageOfficer, day.AddDays(1), "复调未成，警务室联调");

        var beforeJoint = grader.Grade(d, RiskHistory.None, day.AddDays(1));
        Assert.Equal(DisputeRisk.Orange, beforeJoint.Grade);
        Assert.Equal(20, beforeJoint.For(RiskFactor.EarlierFailedMediation)!.Points);

        d.Resolve(VillageOfficer, day.AddDays(2), "说事、评理、普法，双方认错并相互谅解，握手言和");
        Assert.Equal((DisputeStatus.Resolved, MediationLevel.PoliceOffice), (d.Status, d.Level));
        Assert.False(d.IsOverdue(day.AddDays(2)));

        var visit = d.ScheduleFollowUp(day.AddDays(9), VillageOfficer, day.AddDays(2));
        d.RecordFollowUp(visit.Id, FollowUpResult.Stable, HouseholdHead, day.AddDays(9), "两家来往正常，鸡已圈养");
        d.Close(VillageOfficer, day.AddDays(9), "回访稳定，结案");

        Assert.Equal(DisputeStatus.Closed, d.Status);
        Assert.Equal(MediationLevel.PoliceOffice, d.Level);
        Assert.Equal(2, d.FailedMediationCount);
        Assert.Equal(0, d.ReopenCount);
        Assert.Equal(
            [
                DisputeEventKind.Registered,
                DisputeEventKind.Triaged,
                DisputeEventKind.MediationStarted,
                DisputeEventKind.AttemptFailed,
                DisputeEventKind.Escalated,
                DisputeEventKind.AttemptFailed,
                DisputeEventKind.Escalated,
                DisputeEventKind.Resolved,
                DisputeEventKind.Closed,
            ],
            d.Events.Select(e => e.Kind)
        );
        Assert.Equal(
            [
                HouseholdHead,
                VillageOfficer,
                HouseholdHead,
                HouseholdHead,
                SecurityDirector,
                SecurityDirector,
                VillageOfficer,
                VillageOfficer,
                VillageOfficer,
            ],
            d.Events.Select(e => e.ById)
        );
        var levels = d.Events.Where(e => e.Kind == DisputeEventKind.Escalated).Select(e => (e.FromLevel, e.ToLevel));
        Assert.Equal(
            [(MediationLevel.HouseholdHead, MediationLevel.Village), (MediationLevel.Village, MediationLevel.PoliceOffice)],
            levels.Select(l => (l.FromLevel!.Value, l.ToLevel!.Value))
        );
    }
}
