using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lianxin.Core.Common;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Figures;
using Lianxin.Core.Volunteers.Honours;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Volunteers;

public sealed class HonourApiSqliteTests(SqliteApp app) : HonourApiTests(app), IClassFixture<SqliteApp>;

public sealed class HonourApiPostgresTests(PostgresApp app) : HonourApiTests(app), IClassFixture<PostgresApp>;

public abstract partial class HonourApiTests(AppFixture app)
{
    private static int ThisYear => ChinaTime.Day(DateTimeOffset.UtcNow).Year;

    [GeneratedRegex(@"^义警培训-\d{4}-\d{6}$")]
    private static partial Regex CertificateNumber();

    private async Task<TrainingDetail> TrainingAsync(HttpClient c, Guid unit, decimal hours = 2.5m, string title = "急救技能培训") =>
        await ApiAssert.OkAsync<TrainingDetail>(
            await c.PostAsJsonAsync(
                "/api/v1/volunteers/trainings",
                new
                {
                    orgUnitId = unit,
                    title,
                    topic = "心肺复苏和止血包扎",
                    trainer = "县红十字会李老师",
                    place = "派出所会议室",
                    startsAt = DateTimeOffset.UtcNow.AddHours(-3),
                    hours,
                }
            ),
            HttpStatusCode.Created
        );

    private static async Task<TrainingDetail> RecordAsync(HttpClient c, Guid session, params object[] items) =>
        await ApiAssert.OkAsync<TrainingDetail>(
            await c.PostAsJsonAsync($"/api/v1/volunteers/trainings/{session}/attendance", new { items })
        );

    private Task<List<VolunteerCredit>> TrainingCreditsAsync(Guid session) =>
        app.Factory.WithDbAsync(db =>
            db.VolunteerCredits.AsNoTracking().Where(c => c.Source == CreditSource.Training && c.SourceId == session).ToListAsync()
        );

    [Fact]
    public async Task Attendance_credits_hours_once_per_volunteer_and_passing_issues_a_unique_certificate()
    {
        var (village, grid) = await HonourSetup.VillageAsync(app.Factory, app.World, 0);
        var a = await HonourSetup.VolunteerAsync(app.Factory, village.Id, "甲义警");
        var b = await HonourSetup.VolunteerAsync(app.Factory, grid.Id, "乙义警");
        var c = await HonourSetup.VolunteerAsync(app.Factory, grid.Id, "丙义警");
        var officer = await app.As("officer1");
        var t = await TrainingAsync(officer, village.Id);
        Assert.Equal(150, t.Summary.Minutes);
        Assert.Equal(2.5m, t.Summary.Hours);
        Assert.Equal(3, t.Summary.Points);

        var roster = await ApiAssert.OkAsync<PagedResult<RosterRow>>(
            await officer.GetAsync($"/api/v1/volunteers/trainings/{t.Summary.Id}/roster?pageSize=50")
        );
        Assert.Equal([a, b, c], roster.Items.Select(r => r.VolunteerId).Order());

        var d = await RecordAsync(
            officer,
            t.Summary.Id,
            new
            {
                volunteerId = a,
                attended = true,
                passed = true,
            },
            new { volunteerId = b, attended = true },
            new { volunteerId = c, attended = false }
        );
        var certificate = d.Attendance.Single(x => x.VolunteerId == a).CertificateNumber;
        Assert.Matches(CertificateNumber(), certificate);
        Assert.StartsWith($"义警培训-{ThisYear}-", certificate);
        Assert.Null(d.Attendance.Single(x => x.VolunteerId == b).CertificateNumber);
        Assert.Equal(2, d.Summary.AttendedCount);
        Assert.Equal(1, d.Summary.PassedCount);
        var credits = await TrainingCreditsAsync(t.Summary.Id);
        Assert.Equal([a, b], credits.Select(x => x.VolunteerId).Order());
        Assert.All(credits, x => Assert.Equal((150, 3), (x.Minutes, x.Points)));

        // The same list again changes nothing; then b passes too and gets a number of its own.
        await RecordAsync(
            officer,
            t.Summary.Id,
            new
            {
                volunteerId = a,
                attended = true,
                passed = true,
            },
            new { volunteerId = b, attended = true },
            new { volunteerId = c, attended = false }
        );
        Assert.Equal(2, (await TrainingCreditsAsync(t.Summary.Id)).Count);
        d = await RecordAsync(
            officer,
            t.Summary.Id,
            new
            {
                volunteerId = b,
                attended = true,
                passed = true,
            }
        );
        var second = d.Attendance.Single(x => x.VolunteerId == b).CertificateNumber;
        Assert.Matches(CertificateNumber(), second);
        Assert.NotEqual(certificate, second);
        Assert.Equal(certificate, d.Attendance.Single(x => x.VolunteerId == a).CertificateNumber);

        // Recorded absent after all: the credit goes back.
        await RecordAsync(officer, t.Summary.Id, new { volunteerId = a, attended = false });
        Assert.Equal([b], (await TrainingCreditsAsync(t.Summary.Id)).Select(x => x.VolunteerId));

        // Numbers are unique across sessions.
        var t2 = await TrainingAsync(officer, village.Id, 1, "防诈宣传培训");
        var d2 = await RecordAsync(
            officer,
            t2.Summary.Id,
            new
            {
                volunteerId = c,
                attended = true,
                passed = true,
            }
        );
        var third = d2.Attendance.Single().CertificateNumber;
        Assert.NotEqual(second, third);
        var numbers = await app.Factory.WithDbAsync(db =>
            db.TrainingAttendances.Where(x => x.CertificateNumber != null).Select(x => x.CertificateNumber).ToListAsync()
        );
        Assert.Equal(numbers.Count, numbers.Distinct().Count());

        var ranking = await ApiAssert.OkAsync<RankingResult>(
            await officer.GetAsync($"/api/v1/volunteers/ranking?orgUnitId={village.Id}&year={ThisYear}")
        );
        Assert.Equal([b, c], ranking.Page.Items.Select(r => r.VolunteerId));
        Assert.Equal("乙**", ranking.Page.Items[0].Name);
    }

    [Fact]
    public async Task A_volunteer_sees_their_own_trainings_and_certificates_on_the_phone()
    {
        var me = await HonourSetup.VolunteerOfAccountAsync(app.Factory, app.World, "volunteer1");
        var officer = await app.As("officer1");
        var t = await TrainingAsync(officer, app.World.Villages[0].Id, 2, "搜救技能培训");
        await RecordAsync(
            officer,
            t.Summary.Id,
            new
            {
                volunteerId = me,
                attended = true,
                passed = true,
            }
        );
        var volunteer = await app.As("volunteer1");
        var mine = await ApiAssert.OkAsync<List<MyTraining>>(await volunteer.GetAsync("/api/v1/volunteers/trainings/mine"));
        var row = Assert.Single(mine, m => m.SessionId == t.Summary.Id);
        Assert.True(row.Passed);
        Assert.Matches(CertificateNumber(), row.CertificateNumber);
        var other = await ApiAssert.OkAsync<List<MyTraining>>(
            await (await app.As("volunteer2")).GetAsync("/api/v1/volunteers/trainings/mine")
        );
        Assert.DoesNotContain(other, m => m.SessionId == t.Summary.Id);

        var page = await volunteer.GetAsync("/m/volunteer/honours");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("搜救技能培训", html);
        Assert.Contains(row.CertificateNumber!, html);
    }

    [Fact]
    public async Task A_volunteer_cannot_call_the_staff_endpoints()
    {
        var volunteer = await app.As("volunteer1");
        var unit = app.World.Villages[0].Id;
        foreach (
            var url in new[]
            {
                "/api/v1/volunteers/trainings",
                $"/api/v1/volunteers/ranking?year={ThisYear}",
                "/api/v1/volunteers/figures",
                "/api/v1/volunteers/ranking/export",
                "/api/v1/volunteers/figures/export",
            }
        )
            await ApiAssert.ProblemAsync(await volunteer.GetAsync(url), HttpStatusCode.Forbidden);
        await ApiAssert.ProblemAsync(
            await volunteer.PostAsJsonAsync(
                "/api/v1/volunteers/trainings",
                new
                {
                    orgUnitId = unit,
                    title = "自封培训",
                    startsAt = DateTimeOffset.UtcNow,
                    hours = 1,
                }
            ),
            HttpStatusCode.Forbidden
        );
        var me = await HonourSetup.VolunteerOfAccountAsync(app.Factory, app.World, "volunteer1");
        await ApiAssert.ProblemAsync(
            await volunteer.PostAsJsonAsync(
                "/api/v1/volunteers/credits",
                new
                {
                    volunteerId = me,
                    hours = 100,
                    reason = "给自己加时长",
                }
            ),
            HttpStatusCode.Forbidden
        );
        Assert.Equal(
            0,
            await app.Factory.WithDbAsync(db =>
                db.VolunteerCredits.CountAsync(c => c.VolunteerId == me && c.Source == CreditSource.Adjustment)
            )
        );
        var print = await volunteer.GetAsync($"/volunteers/{me}/honour/{ThisYear}");
        Assert.NotEqual(HttpStatusCode.OK, print.StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_422_and_changes_nothing()
    {
        var officer = await app.As("officer1");
        var unit = app.World.Villages[0].Id;
        var before = await app.Factory.WithDbAsync(db => db.TrainingSessions.CountAsync());
        foreach (var hours in new[] { 0m, -2m, 24.5m })
        {
            var p = await ApiAssert.ProblemAsync(
                await officer.PostAsJsonAsync(
                    "/api/v1/volunteers/trainings",
                    new
                    {
                        orgUnitId = unit,
                        title = "时长不对的培训",
                        startsAt = DateTimeOffset.UtcNow,
                        hours,
                    }
                ),
                HttpStatusCode.UnprocessableEntity
            );
            Assert.Contains("hours", p.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        }
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/volunteers/trainings",
                new
                {
                    orgUnitId = unit,
                    title = "",
                    startsAt = DateTimeOffset.UtcNow,
                    hours = 2,
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/volunteers/trainings",
                new
                {
                    orgUnitId = unit,
                    title = new string('长', 300),
                    startsAt = DateTimeOffset.UtcNow,
                    hours = 2,
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.TrainingSessions.CountAsync()));

        var v = await HonourSetup.VolunteerAsync(app.Factory, unit, "丁义警");
        var noReason = await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync("/api/v1/volunteers/credits", new { volunteerId = v, hours = 3 }),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Contains("reason", noReason.GetProperty("errors").EnumerateObject().Select(e => e.Name));
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/volunteers/credits",
                new
                {
                    volunteerId = v,
                    hours = 0,
                    points = 0,
                    reason = "无",
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                "/api/v1/volunteers/credits",
                new
                {
                    volunteerId = v,
                    hours = 5000,
                    reason = "太多",
                }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.VolunteerCredits.CountAsync(c => c.VolunteerId == v)));

        await ApiAssert.ProblemAsync(await officer.GetAsync("/api/v1/volunteers/ranking?year=1999"), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(
            await officer.GetAsync($"/api/v1/volunteers/ranking?year={ThisYear + 1}"),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(await officer.GetAsync("/api/v1/volunteers/ranking?by=7"), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(
            await officer.GetAsync("/api/v1/volunteers/ranking?pageSize=1000"),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.GetAsync("/api/v1/volunteers/figures?from=2026-05-01&to=2026-04-01"),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.GetAsync("/api/v1/volunteers/figures?from=1990-01-01&to=2026-04-01"),
            HttpStatusCode.UnprocessableEntity
        );

        var t = await TrainingAsync(officer, unit, 1, "考核口径培训");
        var passedAbsent = await officer.PostAsJsonAsync(
            $"/api/v1/volunteers/trainings/{t.Summary.Id}/attendance",
            new
            {
                items = new[]
                {
                    new
                    {
                        volunteerId = v,
                        attended = false,
                        passed = true,
                    },
                },
            }
        );
        await ApiAssert.ProblemAsync(passedAbsent, HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync($"/api/v1/volunteers/trainings/{t.Summary.Id}/attendance", new { items = Array.Empty<object>() }),
            HttpStatusCode.UnprocessableEntity
        );
        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(
                $"/api/v1/volunteers/trainings/{t.Summary.Id}/attendance",
                new { items = new[] { new { volunteerId = v, attended = true }, new { volunteerId = v, attended = true } } }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        Assert.Equal(0, await app.Factory.WithDbAsync(db => db.TrainingAttendances.CountAsync(a => a.SessionId == t.Summary.Id)));
    }

    [Fact]
    public async Task Another_stations_volunteers_are_never_counted_shown_or_touched()
    {
        var (village, _) = await HonourSetup.VillageAsync(app.Factory, app.World, 0);
        var (village2, _) = await HonourSetup.VillageAsync(app.Factory, app.World, 1);
        var mine = await HonourSetup.VolunteerAsync(app.Factory, village.Id, "本所义警");
        var theirs = await HonourSetup.VolunteerAsync(app.Factory, village2.Id, "外所义警");
        var activity = Guid.NewGuid();
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        await HonourSetup.CreditsAsync(
            app.Factory,
            [
                HonourSetup.Credit(mine, village.Id, CreditSource.Activity, now, 60, 1, activity),
                HonourSetup.Credit(theirs, village2.Id, CreditSource.Activity, now, 6000, 100, activity),
                // Credited while the other station's volunteer was briefly recorded here: still theirs, not counted here.
                HonourSetup.Credit(theirs, village.Id, CreditSource.Tip, now, 0, 50, Guid.NewGuid()),
            ]
        );
        var leader = await app.As("leader1");
        var ranking = await ApiAssert.OkAsync<RankingResult>(await leader.GetAsync("/api/v1/volunteers/ranking?pageSize=200"));
        Assert.DoesNotContain(ranking.Page.Items, r => r.VolunteerId == theirs);
        Assert.Contains(ranking.Page.Items, r => r.VolunteerId == mine);
        var figures = await ApiAssert.OkAsync<VolunteerFigures>(
            await leader.GetAsync($"/api/v1/volunteers/figures?orgUnitId={village.Id}")
        );
        Assert.Equal((1, 60L, 1L, 0), (figures.Total.Activities, figures.Total.Minutes, figures.Total.Points, figures.Total.TipsCredited));
        await ApiAssert.ProblemAsync(
            await leader.GetAsync($"/api/v1/volunteers/figures?orgUnitId={village2.Id}"),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await leader.GetAsync($"/api/v1/volunteers/ranking?orgUnitId={village2.Id}"),
            HttpStatusCode.Forbidden
        );
        var all = await ApiAssert.OkAsync<VolunteerFigures>(await leader.GetAsync("/api/v1/volunteers/figures"));
        Assert.DoesNotContain(all.Units, u => u.Id == village2.Id || u.Id == app.World.Stations[1].Id);

        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                "/api/v1/volunteers/trainings",
                new
                {
                    orgUnitId = village2.Id,
                    title = "越界培训",
                    startsAt = DateTimeOffset.UtcNow,
                    hours = 1,
                }
            ),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                "/api/v1/volunteers/credits",
                new
                {
                    volunteerId = theirs,
                    hours = 1,
                    reason = "越界",
                }
            ),
            HttpStatusCode.NotFound
        );
        await ApiAssert.ProblemAsync(await leader.GetAsync($"/api/v1/volunteers/credits?volunteerId={theirs}"), HttpStatusCode.NotFound);
        var t = await TrainingAsync(leader, village.Id, 1, "本所培训");
        await ApiAssert.ProblemAsync(
            await leader.PostAsJsonAsync(
                $"/api/v1/volunteers/trainings/{t.Summary.Id}/attendance",
                new { items = new[] { new { volunteerId = theirs, attended = true } } }
            ),
            HttpStatusCode.UnprocessableEntity
        );
        var leader2 = await app.As("leader2");
        await ApiAssert.ProblemAsync(await leader2.GetAsync($"/api/v1/volunteers/trainings/{t.Summary.Id}"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(
            await leader2.PostAsJsonAsync(
                $"/api/v1/volunteers/trainings/{t.Summary.Id}/attendance",
                new { items = new[] { new { volunteerId = theirs, attended = true } } }
            ),
            HttpStatusCode.NotFound
        );
        var page = await leader2.GetAsync($"/volunteers/{mine}/honour/{ThisYear}");
        Assert.DoesNotContain("本所义警", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        Assert.Equal(
            0,
            await app.Factory.WithDbAsync(db =>
                db.VolunteerCredits.CountAsync(c =>
                    c.VolunteerId == theirs && c.Source != CreditSource.Activity && c.Source != CreditSource.Tip
                )
            )
        );
    }

    [Fact]
    public async Task Ranking_orders_by_hours_or_points_with_ties_sharing_a_rank_and_pages()
    {
        var (village, grid) = await HonourSetup.VillageAsync(app.Factory, app.World, 0);
        var at = DateTimeOffset.UtcNow.AddMinutes(-1);
        var ids = new List<Guid>();
        foreach (var (name, minutes, points) in new[] { ("赵", 600, 10), ("钱", 600, 30), ("孙", 600, 10), ("李", 120, 99), ("周", 0, 0) })
        {
            var v = await HonourSetup.VolunteerAsync(app.Factory, grid.Id, name + "义警");
            ids.Add(v);
            await HonourSetup.CreditsAsync(
                app.Factory,
                [HonourSetup.Credit(v, grid.Id, CreditSource.Activity, at, minutes, points, Guid.NewGuid())]
            );
        }
        // A credit of last year does not count this year.
        await HonourSetup.CreditsAsync(
            app.Factory,
            [HonourSetup.Credit(ids[3], grid.Id, CreditSource.Activity, at.AddYears(-1), 6000, 0, Guid.NewGuid())]
        );
        var leader = await app.As("leader1");
        var byHours = await ApiAssert.OkAsync<RankingResult>(
            await leader.GetAsync($"/api/v1/volunteers/ranking?orgUnitId={village.Id}&by=Hours")
        );
        Assert.Equal(4, byHours.Page.Total);
        Assert.Equal([1, 2, 2, 4], byHours.Page.Items.Select(r => r.Rank));
        Assert.Equal(ids[1], byHours.Page.Items[0].VolunteerId);
        Assert.Equal(ids[3], byHours.Page.Items[3].VolunteerId);
        Assert.Equal(10m, byHours.Page.Items[0].Hours);
        var byPoints = await ApiAssert.OkAsync<RankingResult>(
            await leader.GetAsync($"/api/v1/volunteers/ranking?orgUnitId={village.Id}&by=Points&page=2&pageSize=2")
        );
        Assert.Equal(4, byPoints.Page.Total);
        Assert.Equal([3, 3], byPoints.Page.Items.Select(r => r.Rank));
        Assert.All(byPoints.Page.Items, r => Assert.EndsWith("**", r.Name));

        var before = await app.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export"));
        var auxiliary = await app.As("auxiliary1");
        await ApiAssert.ProblemAsync(
            await auxiliary.GetAsync($"/api/v1/volunteers/ranking/export?orgUnitId={village.Id}"),
            HttpStatusCode.Forbidden
        );
        var file = await leader.GetAsync($"/api/v1/volunteers/ranking/export?orgUnitId={village.Id}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
        var figuresFile = await leader.GetAsync($"/api/v1/volunteers/figures/export?orgUnitId={village.Id}");
        Assert.Equal(HttpStatusCode.OK, figuresFile.StatusCode);
        Assert.Equal(before + 2, await app.Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export")));
    }

    [Fact]
    public async Task An_adjustment_needs_a_reason_lands_in_the_ledger_and_the_audit_log_and_the_certificate_prints_audited()
    {
        var (village, _) = await HonourSetup.VillageAsync(app.Factory, app.World, 0);
        var v = await HonourSetup.VolunteerAsync(app.Factory, village.Id, "王小明");
        var leader = await app.As("leader1");
        var credit = await ApiAssert.OkAsync<CreditView>(
            await leader.PostAsJsonAsync(
                "/api/v1/volunteers/credits",
                new
                {
                    volunteerId = v,
                    hours = 12.5,
                    points = 20,
                    reason = "补录 3 月份夜间巡逻时长",
                }
            ),
            HttpStatusCode.Created
        );
        Assert.Equal((CreditSource.Adjustment, 750, 20), (credit.Source, credit.Minutes, credit.Points));
        var audit = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == nameof(VolunteerCredit) && a.EntityId == credit.Id.ToString())
                .Select(a => a.Summary)
                .ToListAsync()
        );
        Assert.Contains(audit, s => s!.Contains("补录 3 月份夜间巡逻时长"));
        var ledger = await ApiAssert.OkAsync<PagedResult<CreditView>>(await leader.GetAsync($"/api/v1/volunteers/credits?volunteerId={v}"));
        Assert.Equal(credit.Id, Assert.Single(ledger.Items).Id);
        await ApiAssert.OkAsync<CreditView>(
            await leader.PostAsJsonAsync(
                "/api/v1/volunteers/credits",
                new
                {
                    volunteerId = v,
                    hours = -2.5,
                    reason = "重复登记的时长扣回",
                }
            ),
            HttpStatusCode.Created
        );

        var page = await leader.GetAsync($"/volunteers/{v}/honour/{ThisYear}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync());
        Assert.Contains("荣誉证书", html);
        Assert.Contains("王小明", html);
        Assert.Contains("第1派出所", html);
        Assert.Contains("10", html); // 12.5 − 2.5 hours
        Assert.Contains("data-testid=\"honour-rank\"", html);
        var printed = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.CountAsync(a => a.Action == "print" && a.EntityId == v.ToString())
        );
        Assert.Equal(1, printed);
        var none = await leader.GetAsync($"/volunteers/{v}/honour/{ThisYear - 1}");
        Assert.Equal(HttpStatusCode.Conflict, none.StatusCode);
    }

    [Fact]
    public async Task Figures_equal_a_direct_count_over_the_seeded_credits()
    {
        var (village, grid) = await HonourSetup.VillageAsync(app.Factory, app.World, 0);
        var now = DateTimeOffset.UtcNow;
        var to = ChinaTime.Day(now);
        var from = to.AddDays(-90);
        var period = new ChinaPeriod(from, to);
        var rule = new ActiveVolunteerRule();
        var (windowStart, _) = rule.WindowBounds(to);
        var people = new List<(Guid Id, Guid Unit, VolunteerStatus Status, DateTimeOffset? Joined)>();
        async Task Add(Guid unit, string name, VolunteerStatus status, DateTimeOffset joined)
        {
            var id = await HonourSetup.VolunteerAsync(app.Factory, unit, name, status, joined);
            people.Add((id, unit, status, status is VolunteerStatus.Applicant ? null : joined));
        }
        await Add(village.Id, "村甲", VolunteerStatus.Active, now.AddYears(-3));
        await Add(village.Id, "村乙", VolunteerStatus.Active, now.AddDays(-10));
        await Add(village.Id, "村丙", VolunteerStatus.Retired, now.AddYears(-2));
        await Add(grid.Id, "格甲", VolunteerStatus.Active, now.AddYears(-1));
        await Add(grid.Id, "格乙", VolunteerStatus.Suspended, now.AddDays(-40));
        await Add(grid.Id, "格丙", VolunteerStatus.Active, now.AddYears(-2));
        await Add(grid.Id, "格丁", VolunteerStatus.Applicant, now.AddDays(-1));
        var squad = await HonourSetup.SquadAsync(app.Factory, village.Id, "荣誉巡逻中队", people[0].Id, people[3].Id, people[4].Id);
        var outsider = await HonourSetup.VolunteerAsync(app.Factory, app.World.Villages[1].Id, "外所人");

        var rng = new Random(20261126);
        var activities = Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToArray();
        var credits = new List<VolunteerCredit>();
        foreach (var p in people.Where(p => p.Status != VolunteerStatus.Applicant))
        {
            var count = p.Id == people[5].Id ? 30 : 12;
            for (var i = 0; i < count; i++)
            {
                var source = (CreditSource)rng.Next(1, 5);
                var at = now.AddDays(-rng.Next(0, 420)).AddMinutes(-rng.Next(1, 600));
                // 格丙 works hard all year: well over 96 hours in the window.
                var minutes = p.Id == people[5].Id ? 300 : rng.Next(0, 240);
                credits.Add(
                    HonourSetup.Credit(
                        p.Id,
                        p.Unit,
                        source,
                        at,
                        minutes,
                        rng.Next(-2, 10),
                        source is CreditSource.Activity ? activities[rng.Next(activities.Length)]
                            : source is CreditSource.Adjustment ? null
                            : Guid.NewGuid()
                    )
                );
            }
        }
        credits.Add(HonourSetup.Credit(outsider, app.World.Villages[1].Id, CreditSource.Activity, now.AddDays(-1), 600, 10, activities[0]));
        await HonourSetup.CreditsAsync(app.Factory, credits);

        VolunteerFigureSet Expected(IEnumerable<(Guid Id, Guid Unit, VolunteerStatus Status, DateTimeOffset? Joined)> group)
        {
            var list = group.ToList();
            var ids = list.Select(p => p.Id).ToHashSet();
            var inPeriod = credits.Where(c => ids.Contains(c.VolunteerId) && c.At >= period.Start && c.At < period.End).ToList();
            var registered = list.Where(p => p.Status is VolunteerStatus.Active or VolunteerStatus.Suspended).ToList();
            var active = registered.Count(p =>
                credits.Where(c => c.VolunteerId == p.Id && c.At >= windowStart && c.At < period.End).Sum(c => c.Minutes) >= 96 * 60
            );
            return new VolunteerFigureSet(
                registered.Count,
                active,
                list.Count(p => p.Joined >= period.Start && p.Joined < period.End),
                inPeriod.Sum(c => (long)c.Minutes),
                inPeriod.Sum(c => (long)c.Points),
                inPeriod.Where(c => c.Source == CreditSource.Activity).Select(c => c.SourceId).Distinct().Count(),
                inPeriod.Count(c => c.Source == CreditSource.Activity),
                inPeriod.Count(c => c.Source == CreditSource.Training),
                inPeriod.Count(c => c.Source == CreditSource.Tip)
            );
        }

        var leader = await app.As("leader1");
        var f = await ApiAssert.OkAsync<VolunteerFigures>(
            await leader.GetAsync($"/api/v1/volunteers/figures?orgUnitId={village.Id}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")
        );
        Assert.Equal(Expected(people), f.Total);
        Assert.True(f.Total.Active >= 1);
        Assert.Equal(Expected(people.Where(p => p.Unit == village.Id)), Assert.Single(f.Units, u => u.Id == village.Id).Figures);
        Assert.Equal(Expected(people.Where(p => p.Unit == grid.Id)), Assert.Single(f.Units, u => u.Id == grid.Id).Figures);
        Assert.Equal(
            Expected(people.Where(p => p.Id == people[0].Id || p.Id == people[3].Id || p.Id == people[4].Id)),
            Assert.Single(f.Squads, s => s.Id == squad).Figures
        );
        Assert.Contains("96 小时", f.ActiveDefinition);
    }

    [Fact]
    public async Task The_staff_pages_render_for_staff_and_refuse_a_volunteer()
    {
        var leader = await app.As("leader1");
        var t = await TrainingAsync(leader, app.World.Villages[0].Id, 1.5m, "页面渲染培训");
        var detail = WebUtility.HtmlDecode(await leader.GetStringAsync($"/volunteers/trainings/{t.Summary.Id}"));
        Assert.Contains("页面渲染培训", detail);
        Assert.Contains("data-testid=\"roster-table\"", detail);
        Assert.Contains("data-testid=\"training-table\"", await leader.GetStringAsync("/volunteers/trainings"));
        Assert.Contains("data-testid=\"ranking-table\"", await leader.GetStringAsync("/volunteers/ranking"));
        var figures = WebUtility.HtmlDecode(await leader.GetStringAsync("/volunteers/figures"));
        Assert.Contains("data-testid=\"vfigure-active-definition\"", figures);
        Assert.Contains("96 小时", figures);
        var volunteer = await app.As("volunteer1");
        foreach (var url in new[] { "/volunteers/trainings", "/volunteers/ranking", "/volunteers/figures" })
        {
            var html = await (await volunteer.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("data-testid=\"ranking-table\"", html);
            Assert.DoesNotContain("vfigure-active-definition", html);
            Assert.DoesNotContain("data-testid=\"training-table\"", html);
        }
    }
}
