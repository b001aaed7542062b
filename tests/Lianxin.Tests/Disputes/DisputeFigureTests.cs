using System.Net;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Disputes.Figures;
using Lianxin.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Disputes;

/// <summary>The app on a fake clock, with a known set of disputes built through the domain: station 1
/// has thirteen spread over 2024–2026 at every level and outcome, station 2 one that must never show up
/// in station 1's figures.</summary>
public abstract class FigureApp : AppFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override LianxinFactory CreateFactory() =>
        new(Kind, services: s => s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock)));

    protected override Task SeedAsync() =>
        Factory.WithDbAsync(async db =>
        {
            db.Disputes.AddRange(FigureCases.Build(World.Villages[0].Id, World.Grids[0].Id, World.Villages[1].Id));
            await db.SaveChangesAsync();
            return true;
        });
}

public sealed class SqliteFigureApp : FigureApp
{
    protected override DbKind Kind => DbKind.Sqlite;
}

public sealed class PostgresFigureApp : FigureApp
{
    protected override DbKind Kind => DbKind.Postgres;
}

/// <summary>The hand-counted cases. Times are China time; each step is a call on the aggregate, so the
/// timelines are what the state machine writes.</summary>
internal static class FigureCases
{
    private static DateTimeOffset At(int y, int m, int d, int h = 10, int min = 0) =>
        new DateTimeOffset(y, m, d, h, min, 0, ChinaTime.Offset).ToUniversalTime();

    private static int _n;

    private static Dispute New(Guid unit, DateTimeOffset at, string title)
    {
        var d = Dispute.Register(
            new DisputeRegistration
            {
                Number = $"JF-FIG-{Interlocked.Increment(ref _n):D5}-{Guid.NewGuid().ToString("N")[..6]}",
                Title = title,
                CategoryCode = "neighbour",
                Description = "统计用例",
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

    public static List<Dispute> Build(Guid village1, Guid grid1, Guid village2)
    {
        var list = new List<Dispute>();
        const string by = "seed";

        var a = New(village1, At(2025, 3, 1), "A 一级化解");
        a.StartMediation(MediationLevel.HouseholdHead, by, At(2025, 3, 1, 11));
        a.Resolve(by, At(2025, 3, 5));
        list.Add(a);

        var b = New(grid1, At(2025, 3, 2), "B 二级化解");
        b.StartMediation(MediationLevel.HouseholdHead, by, At(2025, 3, 3));
        b.RecordFailedAttempt(by, At(2025, 3, 4), "未成");
        b.Escalate(MediationLevel.Village, by, At(2025, 3, 5), "初调未成");
        b.Resolve(by, At(2025, 3, 20));
        list.Add(b);

        var c = New(village1, At(2025, 4, 1), "C 三级化解（鸡吃菜）");
        c.StartMediation(MediationLevel.HouseholdHead, by, At(2025, 4, 2));
        c.Escalate(MediationLevel.Village, by, At(2025, 4, 5), "初调未成");
        c.Escalate(MediationLevel.PoliceOffice, by, At(2025, 4, 10), "复调未成");
        c.Resolve(by, At(2025, 4, 20));
        list.Add(c);

        var d = New(village1, At(2025, 5, 1), "D 县级化解");
        d.StartMediation(MediationLevel.PoliceOffice, by, At(2025, 5, 2));
        d.Escalate(MediationLevel.County, by, At(2025, 5, 10), "联调未成");
        d.Resolve(by, At(2025, 5, 30));
        list.Add(d);

        var e = New(village1, At(2025, 6, 1), "E 移交司法所");
        e.Refer("西柏坡镇司法所", by, At(2025, 6, 3));
        list.Add(e);

        // Resolved at level 1, recurs at the follow-up, resolved again at level 2: counted once, at level 2.
        var f = New(village1, At(2025, 7, 1), "F 复发后再化解");
        f.StartMediation(MediationLevel.HouseholdHead, by, At(2025, 7, 2));
        f.Resolve(by, At(2025, 7, 5));
        var visit = f.ScheduleFollowUp(At(2025, 7, 12), by, At(2025, 7, 5));
        f.RecordFollowUp(visit.Id, FollowUpResult.Recurring, by, At(2025, 7, 12), "又吵起来了");
        f.StartMediation(MediationLevel.Village, by, At(2025, 7, 13));
        f.Resolve(by, At(2025, 8, 1));
        list.Add(f);

        // Resolved, then reopened and still open: resolved and recurred, but not "accepted and resolved".
        var g = New(village1, At(2025, 8, 1), "G 复发未结");
        g.StartMediation(MediationLevel.HouseholdHead, by, At(2025, 8, 2));
        g.Resolve(by, At(2025, 8, 5));
        g.Reopen(by, At(2025, 8, 20), "复发");
        list.Add(g);

        // Registered half an hour before the year ends in China (15:30 UTC): accepted in 2025.
        list.Add(New(village1, At(2025, 12, 31, 23, 30), "H 年末登记"));
        // Ten minutes into 2026 in China (still 2025 in UTC): not accepted in 2025.
        list.Add(New(village1, At(2026, 1, 1, 0, 10), "I 年初登记"));

        // Registered in 2024, resolved in 2025.
        var j = New(village1, At(2024, 11, 1), "J 跨年化解");
        j.StartMediation(MediationLevel.HouseholdHead, by, At(2024, 11, 2));
        j.Resolve(by, At(2025, 1, 10));
        list.Add(j);

        var k = New(village1, At(2024, 3, 1), "K 去年二级化解");
        k.StartMediation(MediationLevel.Village, by, At(2024, 3, 2));
        k.Resolve(by, At(2024, 3, 10));
        list.Add(k);

        var l = New(village1, At(2025, 9, 1), "L 撤回");
        l.Withdraw(by, At(2025, 9, 2), "当事人自行和解");
        list.Add(l);

        var m = New(grid1, At(2025, 2, 1), "M 化解并结案");
        m.StartMediation(MediationLevel.HouseholdHead, by, At(2025, 2, 2));
        m.Resolve(by, At(2025, 2, 10));
        var check = m.ScheduleFollowUp(At(2025, 2, 17), by, At(2025, 2, 10));
        m.RecordFollowUp(check.Id, FollowUpResult.Stable, by, At(2025, 2, 17), "稳定");
        m.Close(by, At(2025, 2, 18));
        list.Add(m);

        // Another station's dispute, resolved at level 1 in 2025.
        var n = New(village2, At(2025, 3, 1), "N 第二派出所");
        n.StartMediation(MediationLevel.HouseholdHead, by, At(2025, 3, 2));
        n.Resolve(by, At(2025, 3, 3));
        list.Add(n);
        return list;
    }

    /// <summary>The hand count for station 1 in 2025 (A…M as above).</summary>
    public static readonly Dictionary<DisputeFigure, int> Station1In2025 = new()
    {
        [DisputeFigure.Accepted] = 10, // A B C D E F G H L M
        [DisputeFigure.Resolved] = 8, // A B C D F G J M
        [DisputeFigure.AcceptedResolved] = 6, // A B C D F M (G reopened; J registered 2024)
        [DisputeFigure.WithinGroup] = 4, // A G J M (F counts at level 2)
        [DisputeFigure.WithinVillage] = 6, // + B F
        [DisputeFigure.WithinTown] = 7, // + C (D went to the county)
        [DisputeFigure.Referred] = 1, // E
        [DisputeFigure.Recurred] = 2, // F G
        [DisputeFigure.Confirmed] = 0, // agreements are counted in the agreement tests
        [DisputeFigure.ResolvedAtLevel1] = 4, // A G J M
        [DisputeFigure.ResolvedAtLevel2] = 2, // B F
        [DisputeFigure.ResolvedAtLevel3] = 1, // C
        [DisputeFigure.ResolvedAtLevel4] = 1, // D
        [DisputeFigure.ReferralAcknowledged] = 0, // E has no receiver's record; counted in the referral flow tests
    };

    /// <summary>Station 1 in 2024: J and K registered, K resolved at level 2, J resolved later (2025).</summary>
    public static readonly Dictionary<DisputeFigure, int> Station1In2024 = new()
    {
        [DisputeFigure.Accepted] = 2,
        [DisputeFigure.Resolved] = 1,
        [DisputeFigure.AcceptedResolved] = 2,
        [DisputeFigure.WithinGroup] = 0,
        [DisputeFigure.WithinVillage] = 1,
        [DisputeFigure.WithinTown] = 1,
        [DisputeFigure.Referred] = 0,
        [DisputeFigure.Recurred] = 0,
        [DisputeFigure.Confirmed] = 0,
        [DisputeFigure.ResolvedAtLevel1] = 0,
        [DisputeFigure.ResolvedAtLevel2] = 1,
        [DisputeFigure.ResolvedAtLevel3] = 0,
        [DisputeFigure.ResolvedAtLevel4] = 0,
        [DisputeFigure.ReferralAcknowledged] = 0,
    };
}

public sealed class DisputeFigureSqliteTests(SqliteFigureApp app) : DisputeFigureTests(app), IClassFixture<SqliteFigureApp>;

public sealed class DisputeFigurePostgresTests(PostgresFigureApp app) : DisputeFigureTests(app), IClassFixture<PostgresFigureApp>;

public abstract class DisputeFigureTests(FigureApp app)
{
    private const string Year2025 = "from=2025-01-01&to=2025-12-31";

    [Fact]
    public async Task Every_figure_equals_the_hand_count_and_opens_exactly_those_records()
    {
        var leader = await app.As("leader1");
        var station = app.World.Stations[0].Id;
        var figures = await ApiAssert.OkAsync<DisputeFigures>(
            await leader.GetAsync($"/api/v1/disputes/figures?orgUnitId={station}&{Year2025}")
        );

        Assert.Equal(new DateOnly(2025, 1, 1), figures.Current.Period.From);
        foreach (var (figure, expected) in FigureCases.Station1In2025)
        {
            Assert.True(expected == figures.Current.Count(figure), $"{figure}: expected {expected}, got {figures.Current.Count(figure)}");
            var ledger = await ApiAssert.OkAsync<PagedResult<DisputeRow>>(
                await leader.GetAsync($"/api/v1/disputes?figure={figure}&{Year2025}&orgUnitId={station}&pageSize=100")
            );
            Assert.True(expected == ledger.Total, $"ledger for {figure}: expected {expected}, got {ledger.Total}");
            Assert.Equal(expected, ledger.Items.Count);
            Assert.DoesNotContain(ledger.Items, r => r.Title.StartsWith('N'));
        }
        Assert.Equal(0.6, figures.Current.ResolutionRate!.Value, 6);
        Assert.Equal(0.5, figures.Current.WithinGroupShare!.Value, 6);
        Assert.Equal(0.75, figures.Current.WithinVillageShare!.Value, 6);
        Assert.Equal(7 / 8.0, figures.Current.WithinTownShare!.Value, 6);
        Assert.Equal(0.25, figures.Current.RecurrenceRate!.Value, 6);
        // A 4, B 18, C 19, D 29, F 31 (to its last resolution), G 4, J 70, M 9 days.
        Assert.Equal(23.0, figures.Current.AverageDaysToResolve!.Value, 6);

        // Year on year: the same days of 2024.
        Assert.Equal(new DateOnly(2024, 1, 1), figures.PreviousYear.Period.From);
        foreach (var (figure, expected) in FigureCases.Station1In2024)
            Assert.True(
                expected == figures.PreviousYear.Count(figure),
                $"2024 {figure}: expected {expected}, got {figures.PreviousYear.Count(figure)}"
            );
        Assert.Equal(9.0, figures.PreviousYear.AverageDaysToResolve!.Value, 6);
        Assert.Equal(1.0, figures.PreviousYear.ResolutionRate!.Value, 6);

        Assert.Contains(figures.Definitions, d => d.Key == "ResolutionRate" && d.Definition.Contains("÷"));
        Assert.All(figures.Definitions, d => Assert.False(string.IsNullOrWhiteSpace(d.Definition)));
    }

    [Fact]
    public async Task A_village_counts_its_subtree_and_the_export_follows_the_same_selection()
    {
        var leader = await app.As("leader1");
        var grid = app.World.Grids[0].Id;
        var figures = await ApiAssert.OkAsync<DisputeFigures>(
            await leader.GetAsync($"/api/v1/disputes/figures?orgUnitId={grid}&{Year2025}")
        );
        Assert.Equal(2, figures.Current.Accepted); // B and M were registered on the grid
        Assert.Equal(2, figures.Current.Resolved);
        var export = await leader.GetAsync($"/api/v1/disputes/export?figure=Resolved&{Year2025}&orgUnitId={app.World.Stations[0].Id}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
    }

    [Fact]
    public async Task Another_stations_disputes_are_never_counted()
    {
        var leader = await app.As("leader1");
        var all = await ApiAssert.OkAsync<DisputeFigures>(await leader.GetAsync($"/api/v1/disputes/figures?{Year2025}"));
        Assert.Equal(FigureCases.Station1In2025[DisputeFigure.Accepted], all.Current.Accepted);
        Assert.Equal(FigureCases.Station1In2025[DisputeFigure.Resolved], all.Current.Resolved);
        var ledger = await ApiAssert.OkAsync<PagedResult<DisputeRow>>(
            await leader.GetAsync($"/api/v1/disputes?figure=Resolved&{Year2025}")
        );
        Assert.Equal(all.Current.Resolved, ledger.Total);
        // The other station's own figures show its one dispute, and the county sees both.
        var leader2 = await app.As("leader2");
        var other = await ApiAssert.OkAsync<DisputeFigures>(await leader2.GetAsync($"/api/v1/disputes/figures?{Year2025}"));
        Assert.Equal(1, other.Current.Accepted);
        Assert.Equal(1, other.Current.WithinGroup);
        var bureau = await app.As("bureau");
        var county = await ApiAssert.OkAsync<DisputeFigures>(await bureau.GetAsync($"/api/v1/disputes/figures?{Year2025}"));
        Assert.Equal(11, county.Current.Accepted);
        Assert.Equal(9, county.Current.Resolved);
    }

    [Fact]
    public async Task Bad_periods_and_units_out_of_scope_are_refused()
    {
        var leader = await app.As("leader1");
        await ApiAssert.ProblemAsync(
            await leader.GetAsync("/api/v1/disputes/figures?from=2025-12-31&to=2025-01-01"),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await leader.GetAsync("/api/v1/disputes/figures?from=2019-01-01&to=2025-12-31"),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await leader.GetAsync("/api/v1/disputes?figure=Resolved&from=2025-12-31&to=2025-01-01"),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await leader.GetAsync($"/api/v1/disputes/figures?orgUnitId={app.World.Stations[1].Id}&{Year2025}"),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await leader.GetAsync($"/api/v1/disputes/figures?orgUnitId={Guid.NewGuid()}&{Year2025}"),
            HttpStatusCode.Forbidden
        );
        var bogus = await leader.GetAsync($"/api/v1/disputes/figures?from=2025-13-45");
        Assert.Equal(HttpStatusCode.BadRequest, bogus.StatusCode);
        var resident = await app.As("resident1");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync($"/api/v1/disputes/figures?{Year2025}")).StatusCode);
    }

    [Fact]
    public async Task Without_dates_the_figures_cover_this_year_to_today_in_china()
    {
        var leader = await app.As("leader1");
        var figures = await ApiAssert.OkAsync<DisputeFigures>(await leader.GetAsync("/api/v1/disputes/figures"));
        var today = ChinaTime.Day(app.Clock.GetUtcNow());
        Assert.Equal(new DateOnly(today.Year, 1, 1), figures.Current.Period.From);
        Assert.Equal(today, figures.Current.Period.To);
    }

    [Fact]
    public void The_period_rule_uses_china_days_and_refuses_long_or_reversed_periods()
    {
        var p = ChinaPeriod.Of(new DateOnly(2025, 1, 1), new DateOnly(2025, 12, 31), DateTimeOffset.UtcNow);
        Assert.Equal(new DateTimeOffset(2024, 12, 31, 16, 0, 0, TimeSpan.Zero), p.Start.ToUniversalTime());
        Assert.Equal(new DateTimeOffset(2025, 12, 31, 16, 0, 0, TimeSpan.Zero), p.End.ToUniversalTime());
        Assert.Equal(
            new DateOnly(2023, 2, 28),
            ChinaPeriod.Of(new DateOnly(2024, 2, 29), new DateOnly(2024, 2, 29), DateTimeOffset.UtcNow).YearEarlier().From
        );
        Assert.Throws<ValidationFailedException>(() =>
            ChinaPeriod.Of(new DateOnly(2025, 2, 1), new DateOnly(2025, 1, 1), DateTimeOffset.UtcNow)
        );
        Assert.Throws<ValidationFailedException>(() =>
            ChinaPeriod.Of(new DateOnly(2020, 1, 1), new DateOnly(2025, 1, 1), DateTimeOffset.UtcNow)
        );
        ChinaPeriod.Of(new DateOnly(2020, 1, 2), new DateOnly(2025, 1, 1), DateTimeOffset.UtcNow); // five years exactly is fine
    }
}
