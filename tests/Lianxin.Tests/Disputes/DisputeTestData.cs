using Lianxin.Core.Common;
using Lianxin.Core.Disputes;

namespace Lianxin.Tests.Disputes;

/// <summary>The states a dispute can be in, as a person sees them: the status, and for mediation the level.</summary>
public enum Stage
{
    Registered,
    Triaged,
    Level1,
    Level2,
    Level3,
    Level4,
    Resolved,
    Referred,
    Failed,
    Withdrawn,
    Closed,
}

/// <summary>Builds disputes at fixed times (China Standard Time) so tests read like a case file.</summary>
internal static class DisputeTestData
{
    public static readonly TimeSpan China = ChinaTime.Offset;
    public static readonly DateTimeOffset T0 = new(2024, 3, 4, 9, 0, 0, China);
    public static readonly Guid VillageId = Guid.Parse("0190f000-0000-7000-8000-000000000001");
    public const string Officer = "officer-1";
    public const string HouseholdHead = "household-head-1";

    public static DisputeRegistration Form(string description = "两家因院墙边界发生争吵", params DisputeParty[] parties) =>
        new()
        {
            Number = "JF-2024-0001",
            Title = "邻里边界争吵",
            CategoryCode = "neighbour",
            Description = description,
            Source = DisputeSource.WalkIn,
            OrgUnitId = VillageId,
            Address = "双堰村三组 12 号",
            Parties = parties.Length > 0 ? parties : TwoSides(),
        };

    public static DisputeParty[] TwoSides() =>
        [DisputeParty.Create(PartyRole.Applicant, "龚某"), DisputeParty.Create(PartyRole.Respondent, "程某")];

    public static Dispute New(string description = "两家因院墙边界发生争吵", params DisputeParty[] parties) =>
        Dispute.Register(Form(description, parties), Officer, T0);

    /// <summary>A dispute brought to <paramref name="stage"/> the ordinary way, one hour per step. Ended
    /// disputes carry one completed stable follow-up, so closing them is allowed.</summary>
    public static Dispute At(Stage stage)
    {
        var d = New();
        var t = T0;
        DateTimeOffset Next() => t = t.AddHours(1);
        if (stage == Stage.Registered)
            return d;
        d.Triage(DisputeJurisdiction.PoliceSimple, Officer, Next());
        if (stage == Stage.Triaged)
            return d;
        if (stage == Stage.Referred)
        {
            Referrals.AddOrUpdate(d, d.ReferWithForm(ReferralForm(), Lianxin.Core.Common.ProtectedText.Empty, Officer, Next()));
            AddStableFollowUp(d, Next());
            return d;
        }
        var level = stage switch
        {
            Stage.Level2 => MediationLevel.Village,
            Stage.Level3 => MediationLevel.PoliceOffice,
            Stage.Level4 => MediationLevel.County,
            _ => MediationLevel.HouseholdHead,
        };
        d.StartMediation(level, Officer, Next());
        switch (stage)
        {
            case Stage.Level1 or Stage.Level2 or Stage.Level3 or Stage.Level4:
                return d;
            case Stage.Resolved or Stage.Closed:
                d.Resolve(Officer, Next(), "双方达成一致");
                break;
            case Stage.Failed:
                d.Fail(OtherRoutes.Court, Officer, Next(), "双方各执一词");
                break;
            case Stage.Withdrawn:
                d.Withdraw(Officer, Next(), "申请人撤回");
                break;
        }
        AddStableFollowUp(d, Next());
        if (stage == Stage.Closed)
            d.Close(Officer, Next());
        return d;
    }

    /// <summary>The transfer form each referred test dispute went out with.</summary>
    public static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Dispute, Referral> Referrals = new();

    /// <summary>The referral a dispute was referred with; one made up for disputes referred some other way.</summary>
    public static Referral ReferralOf(Dispute d) =>
        Referrals.TryGetValue(d, out var r) ? r : Referral.Create(d, ReferralForm(), Lianxin.Core.Common.ProtectedText.Empty, Officer, T0);

    public static Referral.Form ReferralForm(
        ReferralReceiverKind? kind = ReferralReceiverKind.JudicialOffice,
        string? organization = "岔头镇司法所"
    ) => new(kind, organization, "王某", "两家因院墙边界发生争吵", "不属公安管辖", "已组织一次调解", "现场照片 3 张");

    private static void AddStableFollowUp(Dispute d, DateTimeOffset at)
    {
        var visit = d.ScheduleFollowUp(at, Officer, at);
        d.RecordFollowUp(visit.Id, FollowUpResult.Stable, Officer, at, "双方相安无事");
    }

    public static Stage StageOf(Dispute d) =>
        d.Status switch
        {
            DisputeStatus.Registered => Stage.Registered,
            DisputeStatus.Triaged => Stage.Triaged,
            DisputeStatus.Mediating => d.Level switch
            {
                MediationLevel.HouseholdHead => Stage.Level1,
                MediationLevel.Village => Stage.Level2,
                MediationLevel.PoliceOffice => Stage.Level3,
                MediationLevel.County => Stage.Level4,
                _ => throw new InvalidOperationException("mediating without a level"),
            },
            DisputeStatus.Resolved => Stage.Resolved,
            DisputeStatus.Referred => Stage.Referred,
            DisputeStatus.Failed => Stage.Failed,
            DisputeStatus.Withdrawn => Stage.Withdrawn,
            DisputeStatus.Closed => Stage.Closed,
            _ => throw new InvalidOperationException("unknown status"),
        };
}
