using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Disputes;

public sealed class ReportedDisputeSqliteTests(SqliteApp app) : ReportedDisputeTests(app), IClassFixture<SqliteApp>;

public sealed class ReportedDisputePostgresTests(PostgresApp app) : ReportedDisputeTests(app), IClassFixture<PostgresApp>;

/// <summary>An informant follows the status and outcome of what they reported, and nothing of the parties or of the
/// mediation; another informant's reports are not theirs to see.</summary>
public abstract class ReportedDisputeTests(AppFixture app)
{
    private const string PartyPhone = "13800138123";
    private const string SessionRecord = "双方当面说清院墙位置，王某同意后退半米";

    private static async Task<DisputeDetail> Act(HttpClient c, DisputeDetail d, object body) =>
        await ApiAssert.OkAsync<DisputeDetail>(await c.PostAsJsonAsync($"/api/v1/disputes/{d.Summary.Id}/actions", body, ApiAssert.Json));

    [Fact]
    public async Task An_informant_sees_status_and_outcome_of_their_report_and_nothing_of_the_parties_or_the_mediation()
    {
        var informant = await app.As("informant1");
        var title = "院墙边界争议" + Guid.NewGuid().ToString("N")[..6];
        var d = await ApiAssert.OkAsync<DisputeDetail>(
            await informant.PostAsJsonAsync(
                "/api/v1/disputes",
                new
                {
                    title,
                    categoryCode = "neighbour",
                    source = "SecurityCommittee",
                    orgUnitId = app.World.Grids[0].Id,
                    description = "两家为院墙位置争执",
                    parties = new object[]
                    {
                        new
                        {
                            role = "Applicant",
                            name = "王大柱",
                            note = "电话 " + PartyPhone,
                        },
                        new { role = "Respondent", name = "李二强" },
                    },
                }
            ),
            HttpStatusCode.Created
        );
        Assert.Empty(d.Parties); // the answer to the registration already holds only their own words

        var officer = await app.As("officer1");
        d = await ApiAssert.OkAsync<DisputeDetail>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        Assert.Equal(2, d.Parties.Count);
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
        var sessions = $"/api/v1/disputes/{d.Summary.Id}/sessions";
        await ApiAssert.OkAsync<SessionView>(
            await officer.PostAsJsonAsync(
                sessions,
                new
                {
                    place = "东峪村警务室",
                    mediators = new object[] { new { name = "赵支书", organization = "东峪村委会" } },
                    summary = SessionRecord,
                    outcome = "Agreed",
                }
            ),
            HttpStatusCode.Created
        );
        d = await ApiAssert.OkAsync<DisputeDetail>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        d = await Act(
            officer,
            d,
            new
            {
                action = "Resolve",
                reason = "李二强同意后退半米",
                version = d.Summary.Version,
            }
        );

        var one = await informant.GetAsync($"/api/v1/disputes/reported/{d.Summary.Id}");
        var text = await one.Content.ReadAsStringAsync();
        var view = await ApiAssert.OkAsync<ReportedDispute>(one);
        Assert.Equal((DisputeStatus.Resolved, "已化解"), (view.Status, view.StatusLabel));
        Assert.Contains("化解", view.Outcome);
        var list = await informant.GetAsync("/api/v1/disputes/reported?pageSize=50");
        var listText = await list.Content.ReadAsStringAsync();
        Assert.Contains((await ApiAssert.OkAsync<PagedResult<ReportedDispute>>(list)).Items, r => r.Id == d.Summary.Id);
        var detail = await informant.GetAsync($"/api/v1/disputes/{d.Summary.Id}");
        var detailText = await detail.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, detail.StatusCode);
        foreach (var answer in new[] { text, listText, detailText })
        {
            Assert.DoesNotContain("王大柱", answer);
            Assert.DoesNotContain("李二强", answer);
            Assert.DoesNotContain(PartyPhone, answer);
            Assert.DoesNotContain(SessionRecord, answer);
            Assert.DoesNotContain("李二强同意后退半米", answer);
        }

        // The mediation records stay with the station.
        await ApiAssert.ProblemAsync(await informant.GetAsync(sessions), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await informant.GetAsync($"/api/v1/disputes/{d.Summary.Id}/agreement"), HttpStatusCode.NotFound);
        await ApiAssert.ProblemAsync(await informant.GetAsync($"/api/v1/disputes/{d.Summary.Id}/referrals"), HttpStatusCode.NotFound);

        // Another informant's reports are not theirs.
        var other = await app.As("informant2");
        await ApiAssert.ProblemAsync(await other.GetAsync($"/api/v1/disputes/reported/{d.Summary.Id}"), HttpStatusCode.NotFound);
        var theirs = await ApiAssert.OkAsync<PagedResult<ReportedDispute>>(await other.GetAsync("/api/v1/disputes/reported?pageSize=50"));
        Assert.DoesNotContain(theirs.Items, r => r.Id == d.Summary.Id);
        await ApiAssert.ProblemAsync(await officer.GetAsync($"/api/v1/disputes/reported/{d.Summary.Id}"), HttpStatusCode.NotFound);

        // The phone page shows the outcome.
        var phone = await CookieSignIn.ClientAsync(app.Factory, "informant1");
        var page = await phone.GetStringAsync("/m/disputes");
        Assert.Contains(title, page);
        Assert.Contains("处理结果：已调解化解", page);
        Assert.DoesNotContain("王大柱", page);

        // So does the dispute's page, without the sections of the mediation records.
        var desk = WebUtility.HtmlDecode(await phone.GetStringAsync($"/disputes/{d.Summary.Id}"));
        Assert.Contains("data-testid=\"dispute-report-outcome\"", desk);
        Assert.Contains("处理结果：已调解化解", desk);
        Assert.DoesNotContain("data-testid=\"dispute-sessions\"", desk);
        Assert.DoesNotContain(SessionRecord, desk);
        Assert.DoesNotContain("王大柱", desk);
    }
}
