using System.Net;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Incidents.Cases;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Tips;
using Lianxin.Core.Work;
using Lianxin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Work;

/// <summary>The app on a fake clock with work placed around it: in station 1's village a dispute nearing its limit,
/// one overdue and one not yet due, a visit due today and one due tomorrow, a case past 75% of its time and one not,
/// a repeated-incident group that grew yesterday and one quiet for weeks, a tip, an opinion and an application; in
/// station 2's village an overdue dispute, an overdue case and a new group.</summary>
public abstract class WorkApp : AppFixture
{
    /// <summary>2026-03-16 10:00 in China.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 16, 2, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Now);

    protected override LianxinFactory CreateFactory() =>
        new(Kind, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    protected override Task SeedAsync() =>
        Factory.WithDbAsync(async db =>
        {
            var v1 = World.Villages[0].Id;
            var v2 = World.Villages[1].Id;
            db.Disputes.AddRange(
                Triaged(v1, "W 临期纠纷", Now.AddDays(-27)),
                Triaged(v1, "W 超期纠纷", Now.AddDays(-40)),
                Triaged(v1, "W 未到期纠纷", Now.AddDays(-3)),
                Visited(v1, "W 今日回访", Now.AddHours(-1)),
                Visited(v1, "W 明日回访", Now.AddDays(1).AddHours(2)),
                Triaged(v2, "W 二所超期纠纷", Now.AddDays(-40))
            );
            db.PublicSecurityCases.AddRange(
                Case(v1, "W 过七成五案件", Now.AddDays(-2.5)),
                Case(v1, "W 刚登记案件", Now.AddDays(-1)),
                Case(v2, "W 二所超期案件", Now.AddDays(-4))
            );
            db.RepeatClusters.AddRange(
                Group(v1, "W 东峪村三组9号", Now.AddDays(-1)),
                Group(v1, "W 东峪村三组1号（早已平息）", Now.AddDays(-20)),
                Group(v2, "W 西峪村五组2号", Now.AddDays(-1))
            );
            db.Tips.Add(
                Tip.Named(
                    $"XS-W-{Guid.NewGuid():N}"[..16],
                    new TipContent(v1, "tip.other", null, null, null, "W 河边有人烧荒"),
                    null,
                    null,
                    "张三",
                    false
                )
            );
            db.FeedPosts.Add(FeedPost.Write(v1, FeedPostKind.Opinion, "李四", "W 路灯不亮", "村口路灯坏了一个月"));
            var (volunteer, change) = Volunteer.Applying(
                null,
                new VolunteerDetails("W 王五", Gender.Male, ProtectedText.Empty, ProtectedText.Empty, v1, [], VolunteerAvailability.None),
                Now.AddDays(-1)
            );
            db.Volunteers.Add(volunteer);
            db.VolunteerStatusChanges.Add(change);
            await db.SaveChangesAsync();
            return true;
        });

    private static Dispute New(Guid unit, string title, DateTimeOffset at)
    {
        var d = Dispute.Register(
            new DisputeRegistration
            {
                Number = $"JF-W-{Guid.NewGuid().ToString("N")[..10]}",
                Title = title,
                CategoryCode = "neighbour",
                Description = "待办用例",
                Source = DisputeSource.Screening,
                OrgUnitId = unit,
                Parties = [DisputeParty.Create(PartyRole.Applicant, "某甲"), DisputeParty.Create(PartyRole.Respondent, "某乙")],
            },
            "seed",
            at
        );
        d.Triage(DisputeJurisdiction.PoliceSimple, "seed", at);
        return d;
    }

    private static Dispute Triaged(Guid unit, string title, DateTimeOffset at) => New(unit, title, at);

    private static Dispute Visited(Guid unit, string title, DateTimeOffset visitDue)
    {
        var d = New(unit, title, Now.AddDays(-10));
        d.StartMediation(MediationLevel.HouseholdHead, "seed", Now.AddDays(-9));
        d.Resolve("seed", Now.AddDays(-8));
        d.ScheduleFollowUp(visitDue, "seed", Now.AddDays(-8));
        return d;
    }

    private static PublicSecurityCase Case(Guid unit, string title, DateTimeOffset at) =>
        PublicSecurityCase.Register(
            $"AJ-W-{Guid.NewGuid().ToString("N")[..10]}",
            title,
            CaseKind.General,
            3,
            unit,
            null,
            null,
            "民警甲",
            null,
            at
        );

    private static RepeatCluster Group(Guid unit, string label, DateTimeOffset lastAt)
    {
        var c = RepeatCluster.Open(RepeatClusterKind.Address, $"w-{Guid.NewGuid():N}", label, unit, null, lastAt.AddDays(-3), lastAt);
        c.Counted(3);
        return c;
    }
}

public sealed class SqliteWorkApp : WorkApp
{
    protected override DbKind Kind => DbKind.Sqlite;
}

public sealed class PostgresWorkApp : WorkApp
{
    protected override DbKind Kind => DbKind.Postgres;
}

public sealed class WorkSqliteTests(SqliteWorkApp app) : WorkTests(app), IClassFixture<SqliteWorkApp>;

public sealed class WorkPostgresTests(PostgresWorkApp app) : WorkTests(app), IClassFixture<PostgresWorkApp>;

public abstract class WorkTests(WorkApp app)
{
    private static List<WorkItem> Items(WorkToday work, string kind) =>
        work.Groups.SingleOrDefault(g => g.Kind == kind)?.Items.ToList() ?? [];

    private static List<string> Titles(WorkToday work, string kind) => Items(work, kind).Select(i => i.Title).ToList();

    private async Task<WorkToday> TodayAsync(string user, string query = "top=50") =>
        await ApiAssert.OkAsync<WorkToday>(await (await app.As(user)).GetAsync($"/api/v1/agenda/today?{query}"));

    [Fact]
    public async Task An_officer_sees_what_is_due_or_overdue_in_his_area_each_opening_its_record()
    {
        var work = await TodayAsync("officer1");

        var limits = Titles(work, DisputeWorkItems.NearLimit.Key);
        Assert.Contains("W 临期纠纷", limits);
        Assert.Contains("W 超期纠纷", limits);
        Assert.DoesNotContain("W 未到期纠纷", limits);
        var overdue = Items(work, DisputeWorkItems.NearLimit.Key).Single(i => i.Title == "W 超期纠纷");
        Assert.True(overdue.Overdue);
        Assert.Equal($"/disputes/{overdue.RecordId}", overdue.Href);
        Assert.False(Items(work, DisputeWorkItems.NearLimit.Key).Single(i => i.Title == "W 临期纠纷").Overdue);

        var visits = Titles(work, DisputeWorkItems.FollowUpDue.Key);
        Assert.Contains("W 今日回访", visits);
        Assert.DoesNotContain("W 明日回访", visits);

        var cases = Items(work, CaseWorkItems.PastWarning.Key);
        var c = Assert.Single(cases, i => i.Title.StartsWith("W ", StringComparison.Ordinal));
        Assert.Equal("W 过七成五案件", c.Title);
        Assert.Equal($"/incidents/cases/{c.RecordId}", c.Href);

        var groups = Items(work, RepeatWorkItems.NewGroup.Key);
        var g = Assert.Single(groups, i => i.Title.StartsWith("W ", StringComparison.Ordinal));
        Assert.Equal("W 东峪村三组9号", g.Title);
        Assert.Equal($"/incidents/clusters?open={g.RecordId}", g.Href);

        Assert.Contains(Items(work, VolunteerWorkItems.TipToCheck.Key), i => i.Href == $"/volunteers/tips/{i.RecordId}");
        Assert.Contains("W 路灯不亮", Titles(work, VolunteerWorkItems.OpinionToAnswer.Key));
        var application = Assert.Single(Items(work, VolunteerWorkItems.Application.Key), i => i.Title == "W 王五");
        Assert.Equal($"/volunteers/{application.RecordId}", application.Href);

        // Totals count every due item; the kinds come most pressing first.
        Assert.All(work.Groups, grp => Assert.Equal(grp.Total, grp.Items.Count));
        Assert.Equal(work.Groups.Sum(grp => grp.Total), work.Total);
        Assert.Equal(work.Groups.OrderBy(grp => grp.Order).Select(grp => grp.Kind), work.Groups.Select(grp => grp.Kind));
    }

    [Fact]
    public async Task Each_kind_is_bounded_to_its_first_items_and_keeps_its_total()
    {
        var work = await TodayAsync("leader1", "top=1");
        var limits = work.Groups.Single(g => g.Kind == DisputeWorkItems.NearLimit.Key);
        Assert.True(limits.Total >= 2);
        var first = Assert.Single(limits.Items);
        // Most urgent first: the overdue dispute before the one still within its limit.
        Assert.True(first.Overdue);
        var none = await TodayAsync("leader1", "top=0");
        Assert.All(none.Groups, g => Assert.Empty(g.Items));
        Assert.Equal(work.Total, none.Total);
    }

    [Fact]
    public async Task Another_stations_items_stay_with_that_station()
    {
        var one = await TodayAsync("officer1");
        var two = await TodayAsync("officer2");
        var all = one.Groups.SelectMany(g => g.Items).Select(i => i.Title).ToList();
        Assert.DoesNotContain("W 二所超期纠纷", all);
        Assert.DoesNotContain("W 二所超期案件", all);
        Assert.DoesNotContain("W 西峪村五组2号", all);
        Assert.Contains("W 二所超期纠纷", Titles(two, DisputeWorkItems.NearLimit.Key));
        Assert.Contains("W 二所超期案件", Titles(two, CaseWorkItems.PastWarning.Key));
        Assert.Contains("W 西峪村五组2号", Titles(two, RepeatWorkItems.NewGroup.Key));
        Assert.DoesNotContain("W 超期纠纷", two.Groups.SelectMany(g => g.Items).Select(i => i.Title));
        // A unit of the other station is refused outright.
        await ApiAssert.ProblemAsync(
            await (await app.As("officer1")).GetAsync($"/api/v1/agenda/today?orgUnitId={app.World.Villages[1].Id}"),
            HttpStatusCode.Forbidden
        );
    }

    [Fact]
    public async Task Each_source_answers_only_the_kinds_its_reader_may_read()
    {
        // A mediator reads disputes only; a resident nothing at all.
        var mediator = await TodayAsync("mediator1");
        Assert.All(mediator.Groups, g =>
            Assert.Contains(g.Kind, new[] { DisputeWorkItems.NearLimit.Key, DisputeWorkItems.FollowUpDue.Key })
        );
        Assert.Contains("W 超期纠纷", Titles(mediator, DisputeWorkItems.NearLimit.Key));
        var resident = await TodayAsync("resident1");
        Assert.Empty(resident.Groups);
        Assert.Equal(0, resident.Total);
        var byUnit = await ApiAssert.OkAsync<WorkByUnit>(await (await app.As("resident1")).GetAsync("/api/v1/agenda/by-unit"));
        Assert.Empty(byUnit.Kinds);
        Assert.All(byUnit.Rows, r => Assert.Equal(0, r.Total));
        // A kind the reader may not read is not a kind for them.
        await ApiAssert.ProblemAsync(
            await (await app.As("mediator1")).GetAsync($"/api/v1/agenda/today?kind={CaseWorkItems.PastWarning.Key}"),
            HttpStatusCode.UnprocessableEntity
        );
    }

    [Fact]
    public async Task A_leader_gets_the_same_items_counted_by_unit_and_each_count_opens_that_units_items()
    {
        var leader = await app.As("leader1");
        var today = await TodayAsync("leader1");
        var table = await ApiAssert.OkAsync<WorkByUnit>(await leader.GetAsync("/api/v1/agenda/by-unit"));
        var district = Assert.Single(table.Rows, r => r.OrgUnitId == app.World.Districts[0].Id);
        Assert.False(district.OwnLevel);
        Assert.DoesNotContain(table.Rows, r => r.OrgUnitId == app.World.Districts[1].Id || r.OrgUnitId == app.World.Stations[1].Id);
        foreach (var kind in table.Kinds)
        {
            var total = today.Groups.SingleOrDefault(g => g.Kind == kind.Key)?.Total ?? 0;
            Assert.True(
                total == table.Rows.Sum(r => r.Counts.GetValueOrDefault(kind.Key)),
                $"{kind.Key}: today {total}, by unit {table.Rows.Sum(r => r.Counts.GetValueOrDefault(kind.Key))}"
            );
        }
        Assert.True(district.Counts[DisputeWorkItems.NearLimit.Key] >= 2);
        Assert.Equal(1, district.Counts[CaseWorkItems.PastWarning.Key]);

        // The count's link: that kind, within that unit.
        var filtered = await ApiAssert.OkAsync<WorkToday>(
            await leader.GetAsync($"/api/v1/agenda/today?kind={CaseWorkItems.PastWarning.Key}&orgUnitId={district.OrgUnitId}&top=50")
        );
        var group = Assert.Single(filtered.Groups);
        Assert.Equal(district.Counts[CaseWorkItems.PastWarning.Key], group.Total);
        Assert.Equal("W 过七成五案件", Assert.Single(group.Items).Title);

        // The county sees a row per station.
        var county = await ApiAssert.OkAsync<WorkByUnit>(await (await app.As("bureau")).GetAsync("/api/v1/agenda/by-unit"));
        Assert.Contains(county.Rows, r => r.OrgUnitId == app.World.Stations[0].Id);
        Assert.Contains(county.Rows, r => r.OrgUnitId == app.World.Stations[1].Id);
    }

    [Fact]
    public async Task Bad_queries_are_refused()
    {
        var officer = await app.As("officer1");
        await ApiAssert.ProblemAsync(await officer.GetAsync("/api/v1/agenda/today?top=51"), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(await officer.GetAsync("/api/v1/agenda/today?top=-1"), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(await officer.GetAsync("/api/v1/agenda/today?kind=nothing"), HttpStatusCode.UnprocessableEntity);
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.GetAsync("/api/v1/agenda/today?top=abc")).StatusCode);
        await ApiAssert.ProblemAsync(await officer.GetAsync($"/api/v1/agenda/today?orgUnitId={Guid.NewGuid()}"), HttpStatusCode.Forbidden);
    }
}
