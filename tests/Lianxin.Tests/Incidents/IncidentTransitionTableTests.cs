using Lianxin.Core.Common;
using Lianxin.Core.Incidents;

namespace Lianxin.Tests.Incidents;

/// <summary>Every incident action tried from every stage. The expected table is written out here, apart from the
/// domain's own, so a change to either shows up as a failing case.</summary>
public class IncidentTransitionTableTests
{
    private static readonly Guid Station = Guid.NewGuid();
    private static readonly Guid Village = Guid.NewGuid();

    private static readonly IncidentAction[] Always =
    [
        IncidentAction.Place,
        IncidentAction.Reassess,
        IncidentAction.EditParties,
        IncidentAction.FlagRepeat,
        IncidentAction.TakeDispute,
    ];

    private static readonly HashSet<(IncidentStage, IncidentAction)> Expected =
    [
        .. Always.Select(a => (IncidentStage.Queued, a)),
        (IncidentStage.Queued, IncidentAction.RegisterCase),
        .. Always.Select(a => (IncidentStage.Placed, a)),
        (IncidentStage.Placed, IncidentAction.RegisterCase),
        .. Always.Select(a => (IncidentStage.CaseOpened, a)),
    ];

    public static TheoryData<IncidentStage, IncidentAction> AllPairs()
    {
        var data = new TheoryData<IncidentStage, IncidentAction>();
        foreach (var stage in Enum.GetValues<IncidentStage>())
        foreach (var action in Enum.GetValues<IncidentAction>())
            data.Add(stage, action);
        return data;
    }

    private static Incident At(IncidentStage stage)
    {
        var incident = Incident.Receive(
            new IncidentReport
            {
                Number = "J2026030100001",
                ReceivedAt = new DateTimeOffset(2026, 3, 1, 1, 0, 0, TimeSpan.Zero),
                CategoryCode = "dispute",
                Summary = "邻里争吵",
                HandlingUnitId = Station,
                Source = IncidentSource.Api,
            }
        );
        if (stage != IncidentStage.Queued)
            incident.Place(Village, PlacementMethod.Address);
        if (stage == IncidentStage.CaseOpened)
            incident.RegisterCase(Guid.NewGuid());
        return incident;
    }

    private static void Do(Incident i, IncidentAction action)
    {
        switch (action)
        {
            case IncidentAction.Place:
                i.Place(Village, PlacementMethod.Hand);
                break;
            case IncidentAction.Reassess:
                i.Reassess("public-order", null, null, "已调解", "张警官", true, null, null, null);
                break;
            case IncidentAction.EditParties:
                i.UseParties([]);
                break;
            case IncidentAction.FlagRepeat:
                i.FlagRepeat();
                break;
            case IncidentAction.RegisterCase:
                i.RegisterCase(Guid.NewGuid());
                break;
            case IncidentAction.TakeDispute:
                i.TakeDispute(Guid.NewGuid());
                break;
        }
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void Every_action_from_every_stage_is_allowed_or_refused_with_the_allowed_ones_named(IncidentStage from, IncidentAction action)
    {
        var i = At(from);
        Assert.Equal(from, i.Stage);
        Assert.Equal(Expected.Contains((from, action)), IncidentTransitions.IsAllowed(from, action));
        if (Expected.Contains((from, action)))
        {
            Do(i, action);
            return;
        }
        var before = (i.CaseId, i.PlaceId, i.OrgUnitId, i.CategoryCode, i.FlaggedRepeat, i.DisputeId);
        var error = Assert.Throws<ConflictException>(() => Do(i, action));
        Assert.Equal(IncidentTransitions.RefusalMessage(from, action), error.Message);
        Assert.StartsWith($"警情当前为“{from.Label()}”，不能{action.Label()}。当前可以：", error.Message, StringComparison.Ordinal);
        foreach (var allowed in i.AllowedActions)
            Assert.Contains(allowed.Label(), error.Message, StringComparison.Ordinal);
        Assert.Equal(before, (i.CaseId, i.PlaceId, i.OrgUnitId, i.CategoryCode, i.FlaggedRepeat, i.DisputeId));
    }

    [Fact]
    public void The_domain_table_offers_exactly_the_expected_actions()
    {
        foreach (var stage in Enum.GetValues<IncidentStage>())
            Assert.Equal(
                Expected.Where(e => e.Item1 == stage).Select(e => e.Item2).ToHashSet(),
                IncidentTransitions.Allowed(stage).ToHashSet()
            );
    }

    [Fact]
    public void A_second_case_from_one_incident_is_refused_in_words_a_person_reads()
    {
        var i = At(IncidentStage.CaseOpened);
        var error = Assert.Throws<ConflictException>(i.EnsureCaseCanBeRegistered);
        Assert.Equal(
            "警情当前为“已登记治安案件”，不能登记治安案件。当前可以：落地、修改研判、修改当事人、标记疑似重复、转为纠纷。",
            error.Message
        );
    }

    [Fact]
    public void Placement_moves_the_scope_and_the_queue_takes_it_back_to_the_handling_unit()
    {
        var i = At(IncidentStage.Queued);
        Assert.Equal(Station, i.OrgUnitId);
        i.Place(Village, PlacementMethod.Hand);
        Assert.Equal((Village, PlacementMethod.Hand, Village), (i.PlaceId!.Value, i.PlacedBy!.Value, i.OrgUnitId));
        i.Place(null, PlacementMethod.Hand);
        Assert.Equal(((Guid?)null, (PlacementMethod?)null, Station), (i.PlaceId, i.PlacedBy, i.OrgUnitId));
    }

    [Fact]
    public void Naming_the_incident_it_repeats_makes_it_a_repeat_unless_a_validity_is_given()
    {
        var first = Guid.NewGuid();
        var i = At(IncidentStage.Placed);
        i.Reassess("dispute", null, null, null, null, null, null, first, null);
        Assert.Equal((IncidentValidity.Repeat, (Guid?)first), (i.Validity, i.RepeatOfId));
        i.Reassess("dispute", null, null, null, null, null, IncidentValidity.Invalid, first, null);
        Assert.Equal(IncidentValidity.Invalid, i.Validity);
        Assert.Throws<ValidationFailedException>(() => i.Reassess("dispute", null, null, null, null, null, null, i.Id, null));
    }

    [Fact]
    public void A_dispute_taken_from_a_cluster_does_not_replace_one_already_linked()
    {
        var (earlier, later) = (Guid.NewGuid(), Guid.NewGuid());
        var i = At(IncidentStage.Placed);
        i.TakeDispute(earlier);
        i.TakeDispute(later);
        Assert.Equal(earlier, i.DisputeId);
    }
}
