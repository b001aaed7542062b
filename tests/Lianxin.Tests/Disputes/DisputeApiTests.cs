using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Disputes;

public sealed class DisputeApiSqliteTests(SqliteApp app) : DisputeApiTests(app), IClassFixture<SqliteApp>;

public sealed class DisputeApiPostgresTests(PostgresApp app) : DisputeApiTests(app), IClassFixture<PostgresApp>;

public abstract class DisputeApiTests(AppFixture app)
{
    private object Chickens(Guid unit) =>
        new
        {
            title = "鸡吃邻居菜地纠纷",
            categoryCode = "neighbour",
            source = "HouseholdHead",
            orgUnitId = unit,
            description = "程某家的鸡多次跑进邻居院子吃菜，两家争吵",
            address = "东峪村三组5号",
            parties = new object[]
            {
                new { role = "Applicant", residentId = app.World.ResidentIds["张三1"] },
                new { role = "Respondent", name = "程某" },
            },
        };

    private static async Task<DisputeDetail> Act(HttpClient c, DisputeDetail d, object body) =>
        await ApiAssert.OkAsync<DisputeDetail>(await c.PostAsJsonAsync($"/api/v1/disputes/{d.Summary.Id}/actions", body, ApiAssert.Json));

    [Fact]
    public async Task The_chickens_case_goes_from_report_to_closing_through_three_levels()
    {
        var officer = await app.As("officer1");
        var d = await ApiAssert.OkAsync<DisputeDetail>(
            await officer.PostAsJsonAsync("/api/v1/disputes", Chickens(app.World.Villages[0].Id)),
            HttpStatusCode.Created
        );
        Assert.Equal(DisputeStatus.Registered, d.Summary.Status);
        Assert.StartsWith("JF-", d.Summary.Number);
        Assert.Contains(d.Parties, p => p.DisplayName == "张三1" && p.Role == PartyRole.Applicant);
        Assert.Contains(d.Parties, p => p.DisplayName == "程某" && p.Role == PartyRole.Respondent);

        d = await Act(
            officer,
            d,
            new
            {
                action = "Triage",
                jurisdiction = "PoliceSimple",
                version = d.Summary.Version,
            }
        );
        d = await Act(
            officer,
            d,
            new
            {
                action = "StartMediation",
                level = "HouseholdHead",
                version = d.Summary.Version,
            }
        );
        d = await Act(
            officer,
            d,
            new
            {
                action = "RecordFailedAttempt",
                reason = "双方各执一词",
                version = d.Summary.Version,
            }
        );
        d = await Act(
            officer,
            d,
            new
            {
                action = "Escalate",
                level = "Village",
                reason = "百户长调解未成",
                version = d.Summary.Version,
            }
        );
        d = await Act(
            officer,
            d,
            new
            {
                action = "RecordFailedAttempt",
                reason = "治保主任调解未成",
                version = d.Summary.Version,
            }
        );
        d = await Act(
            officer,
            d,
            new
            {
                action = "Escalate",
                level = "PoliceOffice",
                reason = "提交警务室联调",
                version = d.Summary.Version,
            }
        );
        d = await Act(
            officer,
            d,
            new
            {
                action = "Resolve",
                reason = "约定圈养鸡只并赔偿菜苗",
                version = d.Summary.Version,
            }
        );
        Assert.Equal(DisputeStatus.Resolved, d.Summary.Status);
        Assert.Equal(MediationLevel.PoliceOffice, d.Summary.Level);
        Assert.Equal(2, d.FollowUps.Count); // after 7 and 30 days

        var early = await officer.PostAsJsonAsync(
            $"/api/v1/disputes/{d.Summary.Id}/actions",
            new { action = "Close", version = d.Summary.Version }
        );
        await ApiAssert.ProblemAsync(early, HttpStatusCode.Conflict);

        foreach (var f in d.FollowUps.ToList())
            d = await Act(
                officer,
                d,
                new
                {
                    action = "RecordFollowUp",
                    followUpId = f.Id,
                    result = "Stable",
                    reason = "两家相安无事",
                    version = d.Summary.Version,
                }
            );
        d = await Act(officer, d, new { action = "Close", version = d.Summary.Version });
        Assert.Equal(DisputeStatus.Closed, d.Summary.Status);
        // registered, triaged, started, 2 × (failed, escalated), resolved, closed; and the grade moving with the failures
        Assert.Equal(9, d.Events.Count(e => e.Kind != DisputeEventKind.RiskRegraded));

        var ledger = await ApiAssert.OkAsync<PagedResult<DisputeRow>>(
            await officer.GetAsync("/api/v1/disputes?status=Closed&level=PoliceOffice")
        );
        Assert.Contains(ledger.Items, r => r.Id == d.Summary.Id);
        var line = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking().Where(a => a.EntityType == nameof(Dispute) && a.EntityId == d.Summary.Id.ToString()).CountAsync()
        );
        Assert.True(line >= 9);
    }

    [Fact]
    public async Task A_step_out_of_order_is_refused_with_what_is_allowed_and_changes_nothing()
    {
        var officer = await app.As("officer1");
        var d = await ApiAssert.OkAsync<DisputeDetail>(
            await officer.PostAsJsonAsync("/api/v1/disputes", Chickens(app.World.Villages[0].Id)),
            HttpStatusCode.Created
        );
        var p = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/actions",
                new
                {
                    action = "Escalate",
                    level = "County",
                    reason = "跳级",
                    version = d.Summary.Version,
                }
            ),
            HttpStatusCode.Conflict
        );
        Assert.Contains("当前可以", p.GetProperty("title").GetString());
        var after = await ApiAssert.OkAsync<DisputeDetail>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        Assert.Equal(d.Summary.Version, after.Summary.Version);
        Assert.Single(after.Events);

        var failWithoutRoutes = await officer.PostAsJsonAsync(
            $"/api/v1/disputes/{d.Summary.Id}/actions",
            new
            {
                action = "Triage",
                jurisdiction = "PoliceComplex",
                version = d.Summary.Version,
            }
        );
        var triaged = await ApiAssert.OkAsync<DisputeDetail>(failWithoutRoutes);
        var started = await Act(
            officer,
            triaged,
            new
            {
                action = "StartMediation",
                level = "PoliceOffice",
                version = triaged.Summary.Version,
            }
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/actions",
                new { action = "Fail", version = started.Summary.Version }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/actions",
                new { action = "Resolve", version = triaged.Summary.Version }
            ),
            HttpStatusCode.Conflict
        ); // stale version
    }

    [Fact]
    public async Task Registration_checks_its_input_and_scope()
    {
        var officer = await app.As("officer1");
        var before = await app.Factory.WithDbAsync(db => db.Disputes.CountAsync());
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/disputes",
                new
                {
                    title = "",
                    categoryCode = "no-such",
                    source = "WalkIn",
                    orgUnitId = app.World.Villages[0].Id,
                    description = "x",
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/disputes", Chickens(app.World.Villages[1].Id)),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/disputes",
                new
                {
                    title = "越界当事人",
                    categoryCode = "neighbour",
                    source = "WalkIn",
                    orgUnitId = app.World.Villages[0].Id,
                    description = "x",
                    parties = new[] { new { role = "Applicant", residentId = app.World.ResidentIds["张三2"] } },
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.Disputes.CountAsync()));

        var other = await app.As("officer2");
        var mine = await ApiAssert.OkAsync<PagedResult<DisputeRow>>(await other.GetAsync("/api/v1/disputes?pageSize=200"));
        Assert.DoesNotContain(mine.Items, r => r.OrgUnitId == app.World.Villages[0].Id);
        var auxiliary = await app.As("auxiliary1");
        await ApiAssert.ProblemAsync(
            await auxiliary.PostAsJsonAsync(
                $"/api/v1/disputes/{app.World.DisputeIds[0]}/actions",
                new
                {
                    action = "Triage",
                    jurisdiction = "PoliceSimple",
                    version = 1,
                }
            ),
            HttpStatusCode.Forbidden
        );
    }

    [Fact]
    public async Task A_dispute_turning_red_notifies_the_station_leader()
    {
        var officer = await app.As("officer1");
        var body = new
        {
            title = "宅基地纠纷扬言报复",
            categoryCode = "homestead",
            source = "WalkIn",
            orgUnitId = app.World.Villages[0].Id,
            description = "一方扬言要拿刀砍人，同归于尽",
            address = "东峪村一组9号",
            parties = new object[]
            {
                new
                {
                    role = "Applicant",
                    name = "甲",
                    isVulnerable = true,
                },
                new { role = "Respondent", name = "乙" },
                new { role = "Other", name = "丙" },
                new
                {
                    role = "Other",
                    name = "丁",
                    isVulnerable = true,
                },
            },
        };
        var d = await ApiAssert.OkAsync<DisputeDetail>(await officer.PostAsJsonAsync("/api/v1/disputes", body), HttpStatusCode.Created);
        Assert.NotNull(d.Summary.Risk);
        Assert.NotEmpty(d.RiskFactors);
        d = await Act(
            officer,
            d,
            new
            {
                action = "Triage",
                jurisdiction = "PoliceComplex",
                version = d.Summary.Version,
            }
        );
        d = await Act(
            officer,
            d,
            new
            {
                action = "StartMediation",
                level = "PoliceOffice",
                version = d.Summary.Version,
            }
        );
        d = await Act(
            officer,
            d,
            new
            {
                action = "RecordFailedAttempt",
                reason = "情绪激动",
                version = d.Summary.Version,
            }
        );
        d = await Act(
            officer,
            d,
            new
            {
                action = "RecordFailedAttempt",
                reason = "仍不接受",
                version = d.Summary.Version,
            }
        );
        Assert.Equal(DisputeRisk.Red, d.Summary.Risk);
        var leaderInbox = await app.Factory.WithDbAsync(db =>
            db.Notifications.Where(n => n.UserId == app.World.UserIds["leader1"]).Select(n => n.Title).ToListAsync()
        );
        Assert.Contains(leaderInbox, t => t.Contains("宅基地纠纷扬言报复"));
        var otherLeader = await app.Factory.WithDbAsync(db =>
            db.Notifications.CountAsync(n => n.UserId == app.World.UserIds["leader2"] && n.Title.Contains("宅基地"))
        );
        Assert.Equal(0, otherLeader);
    }
}
