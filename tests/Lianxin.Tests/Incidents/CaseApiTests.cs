using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Cases;
using Lianxin.Core.Notifications;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;

namespace Lianxin.Tests.Incidents;

/// <summary>The app on a fake clock, so a case's deadline can be reached.</summary>
public abstract class CaseApp : AppFixture
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    protected override LianxinFactory CreateFactory() =>
        new(Kind, settings: new() { ["Incidents:CaseLimitDays:General"] = "2" }, services: s =>
            s.Replace(ServiceDescriptor.Singleton<TimeProvider>(Clock))
        );
}

public sealed class SqliteCaseApp : CaseApp
{
    protected override DbKind Kind => DbKind.Sqlite;
}

public sealed class PostgresCaseApp : CaseApp
{
    protected override DbKind Kind => DbKind.Postgres;
}

public sealed class CaseApiSqliteTests(SqliteCaseApp app) : CaseApiTests(app), IClassFixture<SqliteCaseApp>;

public sealed class CaseApiPostgresTests(PostgresCaseApp app) : CaseApiTests(app), IClassFixture<PostgresCaseApp>;

public abstract class CaseApiTests(CaseApp app)
{
    private async Task<Guid> IncidentAsync(int station, string number) =>
        await app.Factory.WithDbAsync(async db =>
        {
            var unit = app.World.Villages[station];
            var i = Incident.Receive(
                new IncidentReport
                {
                    Number = number,
                    ReceivedAt = app.Clock.GetUtcNow().AddHours(-2),
                    CategoryCode = "public-order",
                    HandlingUnitId = app.World.Stations[station].Id,
                    Summary = "酒后滋事",
                    Source = IncidentSource.Api,
                }
            );
            i.Place(unit.Id, PlacementMethod.Hand);
            db.Incidents.Add(i);
            await db.SaveChangesAsync();
            return i.Id;
        });

    private static string Tag() => Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task A_case_from_an_incident_runs_against_its_limit_and_warns_the_station_leader_once_at_75_percent_and_once_overdue()
    {
        var incident = await IncidentAsync(0, $"110-C-{Tag()}");
        var officer = await app.As("officer1");
        var number = $"AJ-{Tag()}";
        var created = await ApiAssert.OkAsync<CaseRow>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents/cases",
                new
                {
                    number,
                    title = "王某酒后滋事案",
                    kind = "Simple",
                    incidentId = incident,
                    handlingOfficer = "刘警官",
                    summary = "酒后在饭店滋事",
                },
                ApiAssert.Json
            ),
            HttpStatusCode.Created
        );
        Assert.Equal(app.World.Villages[0].Id, created.OrgUnitId);
        Assert.Equal(1, created.LimitDays);
        Assert.Equal(created.RegisteredAt.AddDays(1), created.DueAt);
        Assert.Equal(created.RegisteredAt.AddHours(18), created.WarnAt);
        Assert.Equal(CaseTimeState.InTime, created.TimeState);
        Assert.InRange(created.RemainingMinutes!.Value, 24 * 60 - 1, 24 * 60);
        Assert.Equal(
            created.Id,
            await app.Factory.WithDbAsync(db => db.Incidents.Where(i => i.Id == incident).Select(i => i.CaseId).FirstAsync())
        );

        // The same incident or the same number a second time is refused.
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents/cases",
                new
                {
                    number = $"AJ-{Tag()}",
                    title = "重复",
                    kind = "Simple",
                    incidentId = incident,
                    handlingOfficer = "刘警官",
                },
                ApiAssert.Json
            ),
            HttpStatusCode.Conflict
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents/cases",
                new
                {
                    number,
                    title = "重复编号",
                    kind = "General",
                    orgUnitId = app.World.Villages[0].Id,
                    handlingOfficer = "刘警官",
                },
                ApiAssert.Json
            ),
            HttpStatusCode.Conflict
        );

        // A general case takes the configured limit (2 days here), fixed at registration.
        var general = await ApiAssert.OkAsync<CaseRow>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents/cases",
                new
                {
                    number = $"AJ-{Tag()}",
                    title = "邻里殴打案",
                    kind = "General",
                    orgUnitId = app.World.Grids[0].Id,
                    handlingOfficerId = app.World.UserIds["officer1"],
                },
                ApiAssert.Json
            ),
            HttpStatusCode.Created
        );
        Assert.Equal(2, general.LimitDays);
        Assert.Equal(general.RegisteredAt.AddDays(2), general.DueAt);
        Assert.False(string.IsNullOrWhiteSpace(general.HandlingOfficer));

        var reminders = () =>
            app.Factory.WithScopeAsync(sp =>
                sp.GetServices<IReminderSource>().OfType<CaseReminders>().Single().SendDueAsync(app.Clock.GetUtcNow(), default)
            );
        var leaderId = app.World.UserIds["leader1"];
        var inbox = () =>
            app.Factory.WithDbAsync(db =>
                db.Notifications.AsNoTracking()
                    .Where(n => n.UserId == leaderId && n.Link == $"/incidents/cases/{created.Id}")
                    .OrderBy(n => n.CreatedAt)
                    .Select(n => n.Title)
                    .ToListAsync()
            );

        app.Clock.Advance(TimeSpan.FromHours(17));
        await reminders();
        Assert.Empty(await inbox());
        app.Clock.Advance(TimeSpan.FromHours(1.5));
        await reminders();
        await reminders();
        Assert.Equal(["治安案件临期：王某酒后滋事案"], await inbox());
        var warned = await ApiAssert.OkAsync<CaseRow>(
            await (await TestWorld.ClientAsync(app.Factory, "officer1")).GetAsync($"/api/v1/incidents/cases/{created.Id}")
        );
        Assert.Equal(CaseTimeState.Nearing, warned.TimeState);
        Assert.NotNull(warned.WarnedAt);

        app.Clock.Advance(TimeSpan.FromHours(6));
        await reminders();
        await reminders();
        Assert.Equal(["治安案件临期：王某酒后滋事案", "治安案件已超期：王某酒后滋事案"], await inbox());
        // Station 2's leader hears nothing of station 1's case.
        var leader2 = app.World.UserIds["leader2"];
        Assert.False(
            await app.Factory.WithDbAsync(db =>
                db.Notifications.AnyAsync(n => n.UserId == leader2 && n.Link == $"/incidents/cases/{created.Id}")
            )
        );

        var fresh = await TestWorld.ClientAsync(app.Factory, "officer1");
        var overdue = await ApiAssert.OkAsync<Lianxin.Core.Common.PagedResult<CaseRow>>(
            await fresh.GetAsync("/api/v1/incidents/cases?overdue=true")
        );
        Assert.Contains(overdue.Items, r => r.Id == created.Id && r.TimeState == CaseTimeState.Overdue && r.RemainingMinutes < 0);
        // Marking the notices moved the case's version on.
        var current = overdue.Items.Single(r => r.Id == created.Id);
        Assert.True(current.Version > warned.Version);
        Assert.DoesNotContain(overdue.Items, r => r.Id == general.Id);

        // Concluded late; the general case concluded in time.
        await ApiAssert.ProblemAsync(
            await fresh.PostAsJsonAsync(
                $"/api/v1/incidents/cases/{created.Id}/conclude",
                new { conclusion = "已处罚", version = 99 },
                ApiAssert.Json
            ),
            HttpStatusCode.Conflict
        );
        await ApiAssert.ProblemAsync(
            await fresh.PostAsJsonAsync(
                $"/api/v1/incidents/cases/{created.Id}/conclude",
                new { conclusion = " ", version = current.Version },
                ApiAssert.Json
            ),
            (HttpStatusCode)422
        );
        var late = await ApiAssert.OkAsync<CaseRow>(
            await fresh.PostAsJsonAsync(
                $"/api/v1/incidents/cases/{created.Id}/conclude",
                new { conclusion = "行政拘留五日", version = current.Version },
                ApiAssert.Json
            )
        );
        Assert.Equal(CaseTimeState.ConcludedLate, late.TimeState);
        await ApiAssert.ProblemAsync(
            await fresh.PostAsJsonAsync(
                $"/api/v1/incidents/cases/{created.Id}/conclude",
                new { conclusion = "再次办结", version = late.Version },
                ApiAssert.Json
            ),
            HttpStatusCode.Conflict
        );
        var inTime = await ApiAssert.OkAsync<CaseRow>(
            await fresh.PostAsJsonAsync(
                $"/api/v1/incidents/cases/{general.Id}/conclude",
                new { conclusion = "调解结案", version = general.Version },
                ApiAssert.Json
            )
        );
        Assert.Equal(CaseTimeState.ConcludedInTime, inTime.TimeState);

        var today = ChinaTime.Day(app.Clock.GetUtcNow());
        var figures = await ApiAssert.OkAsync<CaseFigures>(
            await fresh.GetAsync(
                $"/api/v1/incidents/cases/figures?from={today.AddDays(-3):yyyy-MM-dd}&to={today:yyyy-MM-dd}"
                    + $"&orgUnitId={app.World.Districts[0].Id}"
            )
        );
        Assert.True(figures.Registered >= 2);
        Assert.True(figures.ConcludedLate >= 1);
        Assert.True(figures.ConcludedInTime >= 1);
        Assert.Equal(figures.Registered, figures.ConcludedInTime + figures.ConcludedLate + figures.OpenOverdue + figures.OpenInTime);
    }

    [Fact]
    public async Task Registering_checks_rights_scope_and_input()
    {
        var officer = await app.As("officer1");
        var station2Incident = await IncidentAsync(1, $"110-D-{Tag()}");
        // No right to analyse (register cases): an auxiliary officer.
        await ApiAssert.ProblemAsync(
            await (await app.As("auxiliary1")).PostAsJsonAsync(
                "/api/v1/incidents/cases",
                new
                {
                    number = $"AJ-{Tag()}",
                    title = "无权",
                    kind = "Simple",
                    orgUnitId = app.World.Villages[0].Id,
                    handlingOfficer = "刘警官",
                },
                ApiAssert.Json
            ),
            HttpStatusCode.Forbidden
        );
        // Another station's unit or incident.
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents/cases",
                new
                {
                    number = $"AJ-{Tag()}",
                    title = "越权",
                    kind = "Simple",
                    orgUnitId = app.World.Villages[1].Id,
                    handlingOfficer = "刘警官",
                },
                ApiAssert.Json
            ),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents/cases",
                new
                {
                    number = $"AJ-{Tag()}",
                    title = "越权",
                    kind = "Simple",
                    incidentId = station2Incident,
                    handlingOfficer = "刘警官",
                },
                ApiAssert.Json
            ),
            (HttpStatusCode)422
        );
        Assert.Null(
            await app.Factory.WithDbAsync(db => db.Incidents.Where(i => i.Id == station2Incident).Select(i => i.CaseId).FirstAsync())
        );
        // Missing fields, an unknown kind, an officer account outside the scope.
        var missing = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/incidents/cases", new { title = "" }, ApiAssert.Json),
            (HttpStatusCode)422
        );
        Assert.True(missing.GetProperty("errors").TryGetProperty("number", out _));
        Assert.True(missing.GetProperty("errors").TryGetProperty("kind", out _));
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents/cases",
                new
                {
                    number = $"AJ-{Tag()}",
                    title = "类型",
                    kind = 9,
                    orgUnitId = app.World.Villages[0].Id,
                    handlingOfficer = "刘警官",
                },
                ApiAssert.Json
            ),
            (HttpStatusCode)422
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents/cases",
                new
                {
                    number = $"AJ-{Tag()}",
                    title = "民警",
                    kind = "Simple",
                    orgUnitId = app.World.Villages[0].Id,
                    handlingOfficerId = app.World.UserIds["officer2"],
                },
                ApiAssert.Json
            ),
            (HttpStatusCode)422
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents/cases",
                new
                {
                    number = new string('9', 500),
                    title = "超长",
                    kind = "Simple",
                    orgUnitId = app.World.Villages[0].Id,
                    handlingOfficer = "刘警官",
                },
                ApiAssert.Json
            ),
            (HttpStatusCode)422
        );
        // Wrong types and malformed JSON.
        using var wrong = new StringContent(
            """{"number":"AJ-X","title":"t","kind":{"a":1}}""",
            System.Text.Encoding.UTF8,
            "application/json"
        );
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsync("/api/v1/incidents/cases", wrong)).StatusCode);
        using var broken = new StringContent("""{"number":""", System.Text.Encoding.UTF8, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, (await officer.PostAsync("/api/v1/incidents/cases", broken)).StatusCode);
        // Reading: station 1 cannot open station 2's case; a mediator (no incident rights) sees none.
        var case2 = await ApiAssert.OkAsync<CaseRow>(
            await (await app.As("leader2")).PostAsJsonAsync(
                "/api/v1/incidents/cases",
                new
                {
                    number = $"AJ-{Tag()}",
                    title = "二所案件",
                    kind = "Complex",
                    incidentId = station2Incident,
                    handlingOfficer = "赵警官",
                },
                ApiAssert.Json
            ),
            HttpStatusCode.Created
        );
        Assert.Equal(7, case2.LimitDays);
        await ApiAssert.ProblemAsync(await officer.GetAsync($"/api/v1/incidents/cases/{case2.Id}"), HttpStatusCode.NotFound);
        var list = await ApiAssert.OkAsync<Lianxin.Core.Common.PagedResult<CaseRow>>(
            await officer.GetAsync("/api/v1/incidents/cases?pageSize=100")
        );
        Assert.DoesNotContain(list.Items, r => r.Id == case2.Id);
        await ApiAssert.ProblemAsync(await (await app.As("mediator1")).GetAsync("/api/v1/incidents/cases"), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"/api/v1/incidents/cases/{case2.Id}/conclude",
                new { conclusion = "越权办结", version = case2.Version },
                ApiAssert.Json
            ),
            HttpStatusCode.NotFound
        );
    }

    [Fact]
    public void Limits_out_of_range_stop_the_app_at_start()
    {
        using var factory = new LianxinFactory(
            DbKind.Sqlite,
            settings: new() { ["Incidents:CaseLimitDays:Simple"] = "5", ["Incidents:CaseLimitDays:General"] = "3" }
        );
        var e = Assert.ThrowsAny<Exception>(() => factory.Server);
        Assert.Contains("CaseLimitDays", e.ToString());
    }
}
