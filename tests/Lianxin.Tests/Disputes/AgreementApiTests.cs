using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lianxin.Tests.Disputes;

public sealed class AgreementApiSqliteTests(SqliteApp app) : AgreementApiTests(app), IClassFixture<SqliteApp>;

public sealed class AgreementApiPostgresTests(PostgresApp app) : AgreementApiTests(app), IClassFixture<PostgresApp>;

public abstract class AgreementApiTests(AppFixture app)
{
    private static readonly TimeSpan China = ChinaTime.Offset;
    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(China).DateTime);

    /// <summary>The chickens case, registered by officer1 and brought to joint mediation at the police office.</summary>
    private async Task<DisputeDetail> MediatingAsync(HttpClient officer)
    {
        var body = new
        {
            title = "鸡吃邻居菜地纠纷",
            categoryCode = "neighbour",
            source = "HouseholdHead",
            orgUnitId = app.World.Villages[0].Id,
            description = "程某家的鸡多次跑进邻居院子吃菜，两家争吵",
            address = "东峪村三组5号",
            parties = new object[]
            {
                new { role = "Applicant", residentId = app.World.ResidentIds["张三1"] },
                new { role = "Respondent", name = "程某" },
            },
        };
        var d = await ApiAssert.OkAsync<DisputeDetail>(await officer.PostAsJsonAsync("/api/v1/disputes", body), HttpStatusCode.Created);
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
        return await Act(
            officer,
            d,
            new
            {
                action = "StartMediation",
                level = "PoliceOffice",
                version = d.Summary.Version,
            }
        );
    }

    private static async Task<DisputeDetail> Act(HttpClient c, DisputeDetail d, object body) =>
        await ApiAssert.OkAsync<DisputeDetail>(await c.PostAsJsonAsync($"/api/v1/disputes/{d.Summary.Id}/actions", body, ApiAssert.Json));

    private object Terms(DateOnly deadline, long? version = null, string content = "程某赔偿菜苗损失 200 元，今后将鸡圈养。") =>
        new
        {
            parties = new object[]
            {
                new { role = "Applicant", residentId = app.World.ResidentIds["张三1"] },
                new
                {
                    role = "Respondent",
                    name = "程某",
                    gender = "Male",
                    age = 52,
                    address = "东峪村三组7号",
                },
            },
            facts = "程某家散养的鸡多次进入张三1菜地啄食菜苗，双方多次争吵。",
            responsibilities = "程某未圈养鸡只，对菜苗损失负全部责任。",
            agreedContent = content,
            performanceMethod = "现金当面支付",
            performanceDeadline = deadline.ToString("yyyy-MM-dd"),
            mediators = new[] { "老李", "百户长1" },
            version,
        };

    private static string Url(DisputeDetail d, string rest = "") => $"/api/v1/disputes/{d.Summary.Id}/agreement{rest}";

    [Fact]
    public async Task Agreements_drafted_at_once_get_distinct_numbers_of_their_station_and_year()
    {
        var officer = await app.As("officer1");
        var disputes = new List<DisputeDetail>();
        for (var n = 0; n < 4; n++)
            disputes.Add(await MediatingAsync(officer));
        var drafted = await Task.WhenAll(
            disputes.Select(async d => await ApiAssert.OkAsync<AgreementView>(await officer.PutJsonAsync(Url(d), Terms(Today.AddDays(10)))))
        );
        var year = DateTimeOffset.UtcNow.ToOffset(China).Year;
        var numbers = drafted.Select(a => a.Number).ToList();
        Assert.Equal(4, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches($@"^（{year}）第1调字第[1-9]\d*号$", n));
        var sequences = numbers.Select(n => int.Parse(n[(n.IndexOf("调字第", StringComparison.Ordinal) + 3)..^1])).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 4), sequences); // one counter, no gaps between them
    }

    [Fact]
    public async Task Each_station_numbers_its_agreements_of_a_year_on_its_own_counter()
    {
        // Years no other test drafts in, so each counter starts here.
        var y1 = new DateTimeOffset(2091, 12, 31, 16, 30, 0, TimeSpan.Zero); // already 2092 in China
        var y2 = new DateTimeOffset(2093, 6, 1, 8, 0, 0, TimeSpan.Zero);
        var (s1, s2) = (app.World.Villages[0].Id, app.World.Grids[1].Id);
        var numbers = await app.Factory.WithDbAsync(async db =>
        {
            var list = new List<string>();
            foreach (var (unit, at) in new[] { (s1, y1), (s1, y1), (s2, y1), (s1, y2), (s2, y1) })
                list.Add(await AgreementNumbers.NextAsync(db, unit, at, CancellationToken.None));
            return list;
        });
        Assert.Equal(
            ["（2092）第1调字第1号", "（2092）第1调字第2号", "（2092）第2调字第1号", "（2093）第1调字第1号", "（2092）第2调字第2号"],
            numbers
        );
    }

    [Theory]
    [InlineData("城关派出所", "城关")]
    [InlineData("平川县公安局城关派出所", "城关")]
    [InlineData("东峪警务站", "东峪")]
    [InlineData("派出所", "派出所")]
    [InlineData("滨河路", "滨河路")]
    public void The_short_name_drops_the_bureau_and_the_station_word(string name, string shortName) =>
        Assert.Equal(shortName, AgreementNumbers.ShortName(name));

    [Fact]
    public async Task An_agreement_is_drafted_from_the_registry_signed_performed_and_confirmed()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        await ApiAssert.ProblemAsync(await officer.GetAsync(Url(d)), HttpStatusCode.NotFound);

        var a = await ApiAssert.OkAsync<AgreementView>(await officer.PutJsonAsync(Url(d), Terms(Today.AddDays(10))));
        Assert.Equal(AgreementStatus.Draft, a.Status);
        Assert.Matches(@"^（\d{4}）第1调字第[1-9]\d*号$", a.Number);
        var zhang = a.Parties[0];
        Assert.Equal("张三1", zhang.Name);
        Assert.NotNull(zhang.IdNumberMasked); // from the residents registry
        Assert.Contains("*", zhang.IdNumberMasked);
        Assert.Equal(Lianxin.Core.Common.Gender.Male, a.Parties[1].Gender);
        Assert.Equal(["老李", "百户长1"], a.Mediators);

        a = await ApiAssert.OkAsync<AgreementView>(
            await officer.PutJsonAsync(Url(d), Terms(Today.AddDays(10), a.Version, "程某赔偿 300 元"))
        );
        Assert.Equal("程某赔偿 300 元", a.AgreedContent);
        Assert.NotNull(a.Parties[0].IdNumberMasked);
        await ApiAssert.ProblemAsync(await officer.PutJsonAsync(Url(d), Terms(Today.AddDays(10), a.Version - 1)), HttpStatusCode.Conflict);
        // no version
        await ApiAssert.ProblemAsync(await officer.PutJsonAsync(Url(d), Terms(Today.AddDays(10))), HttpStatusCode.UnprocessableEntity);

        a = await ApiAssert.OkAsync<AgreementView>(
            await officer.PostAsJsonAsync(Url(d, "/sign"), new { version = a.Version, judicialChosen = true })
        );
        Assert.Equal(AgreementStatus.Signed, a.Status);
        Assert.Equal(Today, a.SignedOn);
        Assert.Equal(Today.AddDays(30), a.JudicialDeadline);
        await ApiAssert.ProblemAsync(await officer.PutJsonAsync(Url(d), Terms(Today.AddDays(10), a.Version)), HttpStatusCode.Conflict);

        var detail = await ApiAssert.OkAsync<DisputeDetail>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        Assert.Equal(DisputeStatus.Mediating, detail.Summary.Status); // resolving stays a step of its own
        Assert.Contains(detail.Events, e => e.Kind == DisputeEventKind.AgreementSigned);
        detail = await Act(
            officer,
            detail,
            new
            {
                action = "Resolve",
                reason = "签订调解协议",
                version = detail.Summary.Version,
            }
        );
        Assert.Equal(DisputeStatus.Resolved, detail.Summary.Status);

        a = await ApiAssert.OkAsync<AgreementView>(
            await officer.PostAsJsonAsync(
                Url(d, "/judicial-confirmation"),
                new
                {
                    version = a.Version,
                    chosen = true,
                    appliedOn = Today.ToString("yyyy-MM-dd"),
                    court = "测试县人民法院",
                }
            )
        );
        Assert.Equal(Today, a.JudicialAppliedOn);
        a = await ApiAssert.OkAsync<AgreementView>(
            await officer.PostAsJsonAsync(
                Url(d, "/judicial-confirmation"),
                new
                {
                    version = a.Version,
                    chosen = true,
                    appliedOn = Today.ToString("yyyy-MM-dd"),
                    court = "测试县人民法院",
                    result = "Confirmed",
                    decidedOn = Today.ToString("yyyy-MM-dd"),
                }
            )
        );
        Assert.Equal(JudicialResult.Confirmed, a.JudicialResult);

        await ApiAssert.ProblemAsync(
            await officer.PostAsJsonAsync(Url(d, "/performance"), new { version = a.Version, full = false }),
            HttpStatusCode.UnprocessableEntity
        );
        a = await ApiAssert.OkAsync<AgreementView>(
            await officer.PostAsJsonAsync(
                Url(d, "/performance"),
                new
                {
                    version = a.Version,
                    full = true,
                    note = "已当面付清",
                }
            )
        );
        Assert.Equal(AgreementStatus.Performed, a.Status);
        Assert.Equal(Today, a.PerformedOn);

        detail = await ApiAssert.OkAsync<DisputeDetail>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        Assert.Contains(detail.Events, e => e.Kind == DisputeEventKind.AgreementPerformed);
        Assert.Equal(2, detail.Events.Count(e => e.Kind == DisputeEventKind.JudicialConfirmation));

        var mediator = await app.As("mediator1");
        var read = await ApiAssert.OkAsync<AgreementView>(await mediator.GetAsync(Url(d)));
        Assert.Equal(a.Id, read.Id);
    }

    [Fact]
    public async Task An_agreement_without_parties_is_refused_and_nothing_is_written()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var before = await app.Factory.WithDbAsync(db => db.MediationAgreements.CountAsync());
        var body = new
        {
            parties = Array.Empty<object>(),
            facts = "事实",
            responsibilities = "责任",
            agreedContent = "内容",
            performanceMethod = "现金",
            performanceDeadline = Today.AddDays(5).ToString("yyyy-MM-dd"),
            mediators = new[] { "老李" },
        };
        var problem = await ApiAssert.ProblemAsync(await officer.PutJsonAsync(Url(d), body), HttpStatusCode.UnprocessableEntity);
        Assert.Contains("两方当事人", problem.GetRawText());
        var onlyOne = new
        {
            parties = new[] { new { role = "Applicant", name = "张某" } },
            facts = "事实",
            responsibilities = "责任",
            agreedContent = "内容",
            performanceMethod = "现金",
            performanceDeadline = Today.AddDays(5).ToString("yyyy-MM-dd"),
            mediators = new[] { "老李" },
        };
        await ApiAssert.ProblemAsync(await officer.PutJsonAsync(Url(d), onlyOne), HttpStatusCode.UnprocessableEntity);
        await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync(Url(d), new { parties = new object?[] { null, null } }),
            HttpStatusCode.UnprocessableEntity
        );
        var badId = new
        {
            parties = new object[]
            {
                new
                {
                    role = "Applicant",
                    name = "张某",
                    idNumber = "123",
                },
                new { role = "Respondent", name = "程某" },
            },
            facts = "事实",
            responsibilities = "责任",
            agreedContent = "内容",
            performanceMethod = "现金",
            performanceDeadline = Today.AddDays(5).ToString("yyyy-MM-dd"),
            mediators = new[] { "老李" },
        };
        await ApiAssert.ProblemAsync(await officer.PutJsonAsync(Url(d), badId), HttpStatusCode.UnprocessableEntity);

        Assert.Equal(before, await app.Factory.WithDbAsync(db => db.MediationAgreements.CountAsync()));
        var after = await ApiAssert.OkAsync<DisputeDetail>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        Assert.Equal(d.Summary.Version, after.Summary.Version);

        // A registered dispute is not yet at the stage for an agreement.
        await ApiAssert.ProblemAsync(
            await officer.PutJsonAsync($"/api/v1/disputes/{app.World.DisputeIds[0]}/agreement", Terms(Today.AddDays(5))),
            HttpStatusCode.Conflict
        );
    }

    [Fact]
    public async Task Another_station_cannot_see_or_change_the_agreement()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var a = await ApiAssert.OkAsync<AgreementView>(await officer.PutJsonAsync(Url(d), Terms(Today.AddDays(10))));

        var other = await app.As("officer2");
        await ApiAssert.ProblemAsync(await other.GetAsync(Url(d)), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await other.PutJsonAsync(Url(d), Terms(Today.AddDays(10), a.Version)), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await other.PostAsJsonAsync(Url(d, "/sign"), new { version = a.Version }), HttpStatusCode.NotFound);
        var auxiliary = await app.As("auxiliary1");
        await ApiAssert.OkAsync<AgreementView>(await auxiliary.GetAsync(Url(d)));
        await ApiAssert.ProblemAsync(
            await auxiliary.PostAsJsonAsync(Url(d, "/sign"), new { version = a.Version }),
            HttpStatusCode.Forbidden
        );
        await ApiAssert.ProblemAsync(await auxiliary.PutJsonAsync(Url(d), Terms(Today.AddDays(10), a.Version)), HttpStatusCode.Forbidden);

        var still = await ApiAssert.OkAsync<AgreementView>(await officer.GetAsync(Url(d)));
        Assert.Equal(a.Version, still.Version);
        Assert.Equal(AgreementStatus.Draft, still.Status);

        var page = await other.GetAsync($"/disputes/{d.Summary.Id}/agreement/print");
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.DoesNotContain("程某赔偿", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_performance_reminder_comes_as_many_days_ahead_as_the_setting_says()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var a = await ApiAssert.OkAsync<AgreementView>(await officer.PutJsonAsync(Url(d), Terms(Today.AddDays(10))));
        await ApiAssert.OkAsync<AgreementView>(await officer.PostAsJsonAsync(Url(d, "/sign"), new { version = a.Version }));
        var dueAt = new DateTimeOffset(Today.AddDays(11).ToDateTime(TimeOnly.MinValue), China);
        Task<int> Run(int days, DateTimeOffset now) =>
            app.Factory.WithScopeAsync(sp =>
                ActivatorUtilities
                    .CreateInstance<AgreementReminders>(
                        sp,
                        Microsoft.Extensions.Options.Options.Create(new DisputeOptions { AgreementReminderDays = days })
                    )
                    .SendDueAsync(now, CancellationToken.None)
            );
        Task<MediationAgreement> Stored() =>
            app.Factory.WithDbAsync(db => db.MediationAgreements.AsNoTracking().SingleAsync(x => x.Id == a.Id));

        await Run(MediationAgreement.PerformanceReminderDays, dueAt.AddDays(-6));
        Assert.Null((await Stored()).PerformanceReminderSentAt); // three days ahead by default: not yet
        await Run(7, dueAt.AddDays(-6));
        Assert.NotNull((await Stored()).PerformanceReminderSentAt);

        Assert.Contains(
            "Disputes:AgreementReminderDays",
            new DisputeOptions { AgreementReminderDays = 0 }
                .Problems()
                .Single()
        );
        Assert.Empty(new DisputeOptions { AgreementReminderDays = 7 }.Problems());
    }

    [Fact]
    public async Task Reminders_come_once_before_the_deadlines_and_a_missed_deadline_reopens_the_dispute()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var a = await ApiAssert.OkAsync<AgreementView>(await officer.PutJsonAsync(Url(d), Terms(Today.AddDays(10))));
        a = await ApiAssert.OkAsync<AgreementView>(
            await officer.PostAsJsonAsync(Url(d, "/sign"), new { version = a.Version, judicialChosen = true })
        );
        var detail = await ApiAssert.OkAsync<DisputeDetail>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        await Act(
            officer,
            detail,
            new
            {
                action = "Resolve",
                reason = "签订调解协议",
                version = detail.Summary.Version,
            }
        );

        var dueAt = new DateTimeOffset(Today.AddDays(11).ToDateTime(TimeOnly.MinValue), China);
        var judicialDueAt = new DateTimeOffset(Today.AddDays(31).ToDateTime(TimeOnly.MinValue), China);
        Task<int> Run(DateTimeOffset now) =>
            app.Factory.WithScopeAsync(sp => sp.GetRequiredService<AgreementReminders>().SendDueAsync(now, CancellationToken.None));
        Task<List<string>> Inbox() =>
            app.Factory.WithDbAsync(db =>
                db.Notifications.Where(n => n.UserId == app.World.UserIds["officer1"] && n.Link == $"/disputes/{d.Summary.Id}")
                    .Select(n => n.Title)
                    .ToListAsync()
            );
        Task<MediationAgreement> Stored() =>
            app.Factory.WithDbAsync(db => db.MediationAgreements.AsNoTracking().SingleAsync(x => x.Id == a.Id));

        await Run(dueAt.AddDays(-4));
        Assert.Empty(await Inbox());
        Assert.True(await Run(dueAt.AddDays(-2)) >= 1);
        Assert.Single(await Inbox(), t => t.StartsWith("调解协议即将到期"));
        Assert.NotNull((await Stored()).PerformanceReminderSentAt);
        await Run(dueAt.AddDays(-1));
        Assert.Single(await Inbox()); // once only

        Assert.True(await Run(dueAt.AddHours(1)) >= 1);
        var stored = await Stored();
        Assert.Equal(AgreementStatus.Missed, stored.Status);
        Assert.Contains(await Inbox(), t => t.StartsWith("调解协议逾期未履行"));
        detail = await ApiAssert.OkAsync<DisputeDetail>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        Assert.Equal(DisputeStatus.Triaged, detail.Summary.Status);
        Assert.Equal(1, detail.ReopenCount);
        Assert.Equal(DisputeEventKind.Reopened, detail.Events[^1].Kind);
        Assert.Contains("逾期未履行", detail.Events[^1].Reason);

        Assert.True(await Run(judicialDueAt.AddDays(-3)) >= 1);
        Assert.Single(await Inbox(), t => t.StartsWith("司法确认申请即将截止"));
        await Run(judicialDueAt.AddDays(-2));
        Assert.Equal(3, (await Inbox()).Count);
    }

    [Fact]
    public async Task The_print_page_shows_the_contents_the_law_requires_with_masked_ids_unless_revealed()
    {
        var officer = await app.As("officer1");
        var d = await MediatingAsync(officer);
        var deadline = Today.AddDays(10);
        var a = await ApiAssert.OkAsync<AgreementView>(await officer.PutJsonAsync(Url(d), Terms(deadline)));

        var response = await officer.GetAsync($"/disputes/{d.Summary.Id}/agreement/print");
        // Blazor writes text as character references; read it as a browser would.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"agreement-document\"", html);
        Assert.Contains("data-testid=\"agreement-print\"", html);
        Assert.Contains("人民调解协议书", html);
        Assert.Contains(a.Number, html);
        Assert.Contains("申请人：张三1", html);
        Assert.Contains("被申请人：程某，男，52岁", html);
        Assert.Contains(a.Parties[0].IdNumberMasked!, html);
        Assert.Contains("程某家散养的鸡多次进入张三1菜地", html);
        Assert.Contains("对菜苗损失负全部责任", html);
        Assert.Contains("程某赔偿菜苗损失 200 元", html);
        Assert.Contains("现金当面支付", html);
        Assert.Contains($"{deadline.Year}年{deadline.Month}月{deadline.Day}日前", html);
        Assert.Contains("（签名或按指印）", html);
        Assert.Contains("人民调解员（签名）", html);
        Assert.Contains("老李、百户长1", html);
        Assert.Contains("东峪村人民调解委员会（盖章）", html);
        Assert.Contains("年　　月　　日", html); // not yet signed: a blank date line
        Assert.Contains("dispute-print.css", html);
        Assert.DoesNotContain("mud-drawer", html); // no console around the document

        var disputePage = WebUtility.HtmlDecode(await (await officer.GetAsync($"/disputes/{d.Summary.Id}")).Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"agreement-panel\"", disputePage);
        Assert.Contains("data-testid=\"agreement-sign\"", disputePage);
        Assert.Contains($"/disputes/{d.Summary.Id}/agreement/print", disputePage);

        var full = TestWorld.IdFor(1981, 1);
        Assert.DoesNotContain(full, html);
        var auditBefore = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.CountAsync(x => x.Action == AuditAction.Reveal && x.EntityId == a.Id.ToString())
        );
        var revealed = WebUtility.HtmlDecode(
            await (await officer.GetAsync($"/disputes/{d.Summary.Id}/agreement/print?full=1")).Content.ReadAsStringAsync()
        );
        Assert.Contains(full, revealed);
        var auditAfter = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.CountAsync(x => x.Action == AuditAction.Reveal && x.EntityId == a.Id.ToString())
        );
        Assert.Equal(auditBefore + 1, auditAfter);

        var auxiliary = await app.As("auxiliary1");
        var refused = await auxiliary.GetAsync($"/disputes/{d.Summary.Id}/agreement/print?full=1");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(full, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }
}
