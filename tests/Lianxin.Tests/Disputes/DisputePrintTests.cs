using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Audit;
using Lianxin.Core.Disputes;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Tests.Disputes;

public sealed class DisputePrintSqliteTests(SqliteApp app) : DisputePrintTests(app), IClassFixture<SqliteApp>;

public sealed class DisputePrintPostgresTests(PostgresApp app) : DisputePrintTests(app), IClassFixture<PostgresApp>;

/// <summary>The registration form, the mediation record and the follow-up record: each shows its record, only to
/// those who may read it, and each print is in the audit log.</summary>
public abstract class DisputePrintTests(AppFixture app)
{
    private sealed record Case(DisputeDetail Dispute, SessionView Session, FollowUpView Visit);

    /// <summary>A dispute registered by officer1, mediated once (held, agreed), resolved and visited once.</summary>
    private async Task<Case> ResolvedAndVisitedAsync(HttpClient officer)
    {
        var body = new
        {
            title = "装修噪音纠纷",
            categoryCode = "neighbour",
            source = "WalkIn",
            orgUnitId = app.World.Villages[0].Id,
            description = "楼上装修长期夜间施工，楼下住户多次报警",
            address = "东峪村三组8号",
            parties = new object[]
            {
                new { role = "Applicant", residentId = app.World.ResidentIds["张三1"] },
                new { role = "Respondent", name = "钱某" },
            },
        };
        var d = await ApiAssert.OkAsync<DisputeDetail>(await officer.PostAsJsonAsync("/api/v1/disputes", body), HttpStatusCode.Created);
        d = await ActAsync(officer, d, new { action = "Triage", jurisdiction = "PoliceSimple" });
        d = await ActAsync(officer, d, new { action = "StartMediation", level = "PoliceOffice" });
        var session = await ApiAssert.OkAsync<SessionView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/sessions",
                new
                {
                    level = "PoliceOffice",
                    place = "东峪村警务室",
                    mediators = new object[] { new { name = "钱法官", organization = "县人民法院" }, new { name = "老李" } },
                    attendees = new object[] { new { name = "张三1" }, new { name = "钱某" } },
                    summary = "双方同意晚八点后停止施工",
                    outcome = "Agreed",
                }
            ),
            HttpStatusCode.Created
        );
        d = await ActAsync(officer, d, new { action = "Resolve", reason = "达成口头协议" });
        var visit = d.FollowUps.OrderBy(f => f.DueAt).First();
        d = await ActAsync(
            officer,
            d,
            new
            {
                action = "RecordFollowUp",
                followUpId = visit.Id,
                result = "Stable",
                reason = "夜间已无施工，两家来往正常",
            }
        );
        return new Case(d, session, d.FollowUps.Single(f => f.Id == visit.Id));
    }

    private static async Task<DisputeDetail> ActAsync(HttpClient c, DisputeDetail d, object step)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(step, ApiAssert.Json)!.AsObject();
        body["version"] = d.Summary.Version;
        return await ApiAssert.OkAsync<DisputeDetail>(
            await c.PostAsJsonAsync($"/api/v1/disputes/{d.Summary.Id}/actions", body, ApiAssert.Json)
        );
    }

    private static string Registration(Case c) => $"/disputes/{c.Dispute.Summary.Id}/registration/print";

    private static string Record(Case c) => $"/disputes/{c.Dispute.Summary.Id}/sessions/{c.Session.Id}/print";

    private static string Visit(Case c) => $"/disputes/{c.Dispute.Summary.Id}/followups/{c.Visit.Id}/print";

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient c, string url)
    {
        var response = await c.GetAsync(url);
        // Blazor writes text as character references; read it as a browser would.
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    private Task<List<AuditEntry>> PrintLinesAsync(string user) =>
        app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditAction.Print && a.UserId == app.World.UserIds[user])
                .OrderBy(a => a.Seq)
                .ToListAsync()
        );

    [Fact]
    public async Task The_registration_form_shows_the_dispute_as_received_and_is_audited()
    {
        var officer = await app.As("officer1");
        var c = await ResolvedAndVisitedAsync(officer);
        var before = (await PrintLinesAsync("officer1")).Count;

        var (status, html) = await GetAsync(officer, Registration(c));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"registration-document\"", html);
        Assert.Contains("data-testid=\"registration-print\"", html);
        Assert.Contains("矛盾纠纷登记表", html);
        Assert.Contains(c.Dispute.Summary.Number, html);
        Assert.Contains("装修噪音纠纷", html);
        Assert.Contains("邻里纠纷", html); // the category's name, not its code
        Assert.Contains(DisputeSource.WalkIn.Label(), html);
        Assert.Contains("东峪村三组8号", html);
        Assert.Contains("申请人：张三1", html);
        Assert.Contains("被申请人：钱某", html);
        Assert.Contains("楼上装修长期夜间施工", html);
        Assert.Contains(">officer1<", html); // received by
        Assert.Contains("dispute-print.css", html);
        Assert.DoesNotContain("mud-drawer", html); // the document alone, no console around it

        var lines = await PrintLinesAsync("officer1");
        Assert.Equal(before + 1, lines.Count);
        Assert.Equal(c.Dispute.Summary.Id.ToString(), lines[^1].EntityId);
        Assert.Contains($"打印纠纷登记表 {c.Dispute.Summary.Number}", lines[^1].Summary);

        var page = WebUtility.HtmlDecode(await (await officer.GetAsync($"/disputes/{c.Dispute.Summary.Id}")).Content.ReadAsStringAsync());
        Assert.Contains(Registration(c), page);
        Assert.Contains(Record(c), page);
        Assert.Contains(Visit(c), page);
    }

    [Fact]
    public async Task The_mediation_record_shows_the_session_with_a_signature_line_for_everyone_and_is_audited()
    {
        var officer = await app.As("officer1");
        var c = await ResolvedAndVisitedAsync(officer);

        var (status, html) = await GetAsync(officer, Record(c));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"session-record-document\"", html);
        Assert.Contains("调解笔录", html);
        Assert.Contains("东峪村警务室", html);
        Assert.Matches("钱法官（县人民法院）、老李|老李、钱法官（县人民法院）", html); // as stored, in any order
        Assert.Matches("张三1、钱某|钱某、张三1", html); // attendees, in whatever order they were stored
        Assert.Contains("双方同意晚八点后停止施工", html);
        Assert.Contains(MediationOutcome.Agreed.Label(), html);
        Assert.Contains("申请人（签名或按指印）", html);
        Assert.Contains("被申请人（签名或按指印）", html);
        Assert.Equal(2, html.Split("调解员（签名）").Length - 1); // one line per mediator
        Assert.Contains("记录人（签名）", html);

        var line = (await PrintLinesAsync("officer1"))[^1];
        Assert.Equal((nameof(MediationSession), c.Session.Id.ToString()), (line.EntityType, line.EntityId));
        Assert.Contains($"打印调解笔录：纠纷 {c.Dispute.Summary.Number}", line.Summary);

        var (missing, _) = await GetAsync(officer, $"/disputes/{c.Dispute.Summary.Id}/sessions/{Guid.NewGuid()}/print");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task The_follow_up_record_shows_the_visit_and_leaves_room_for_the_partys_opinion_and_is_audited()
    {
        var officer = await app.As("officer1");
        var c = await ResolvedAndVisitedAsync(officer);

        var (status, html) = await GetAsync(officer, Visit(c));
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-testid=\"followup-record-document\"", html);
        Assert.Contains("矛盾纠纷回访记录", html);
        Assert.Contains("夜间已无施工，两家来往正常", html);
        Assert.Contains("data-testid=\"followup-record-result\">稳定<", html);
        Assert.Contains("data-testid=\"followup-record-visitor\">officer1<", html);
        Assert.Contains("当事人意见", html);
        Assert.Contains("回访人（签名）", html);

        var line = (await PrintLinesAsync("officer1"))[^1];
        Assert.Equal((nameof(Dispute), c.Dispute.Summary.Id.ToString()), (line.EntityType, line.EntityId));
        Assert.Contains($"打印回访记录：纠纷 {c.Dispute.Summary.Number}", line.Summary);

        var (missing, _) = await GetAsync(officer, $"/disputes/{c.Dispute.Summary.Id}/followups/{Guid.NewGuid()}/print");
        Assert.Equal(HttpStatusCode.NotFound, missing);
    }

    [Fact]
    public async Task Another_station_sees_none_of_the_prints_and_nothing_is_audited_as_printed()
    {
        var c = await ResolvedAndVisitedAsync(await app.As("officer1"));
        var other = await app.As("officer2");
        foreach (var url in new[] { Registration(c), Record(c), Visit(c) })
        {
            var (status, html) = await GetAsync(other, url);
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.DoesNotContain("装修噪音纠纷", html);
            Assert.DoesNotContain("钱某", html);
        }
        Assert.Empty(await PrintLinesAsync("officer2"));

        // No right to read disputes at all: refused before anything is read.
        var volunteer = await app.As("volunteer1");
        foreach (var url in new[] { Registration(c), Record(c), Visit(c) })
        {
            var (status, html) = await GetAsync(volunteer, url);
            Assert.Equal(HttpStatusCode.Forbidden, status);
            Assert.DoesNotContain("装修噪音纠纷", html);
        }
        Assert.Empty(await PrintLinesAsync("volunteer1"));
    }
}
