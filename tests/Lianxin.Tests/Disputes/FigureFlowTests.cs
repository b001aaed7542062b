using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Disputes.Figures;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Disputes;

public sealed class FigureFlowSqliteTests(SqliteApp app) : FigureFlowTests(app), IClassFixture<SqliteApp>;

public sealed class FigureFlowPostgresTests(PostgresApp app) : FigureFlowTests(app), IClassFixture<PostgresApp>;

/// <summary>The figures follow work done through the other parts: a court-confirmed agreement counts as
/// confirmed, and a dispute a referral's receiver resolved counts as resolved but within no tier.</summary>
public abstract class FigureFlowTests(AppFixture app)
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).DateTime);
    private string Period => $"from={Today:yyyy-MM-dd}&to={Today:yyyy-MM-dd}";

    private async Task<DisputeDetail> TriagedAsync(HttpClient c, string title)
    {
        var d = await ApiAssert.OkAsync<DisputeDetail>(
            await c.PostAsJsonAsync(
                "/api/v1/disputes",
                new
                {
                    title,
                    categoryCode = "neighbour",
                    source = "WalkIn",
                    orgUnitId = app.World.Villages[0].Id,
                    description = "两家为院墙争执",
                    parties = new object[] { new { role = "Applicant", name = "甲某" }, new { role = "Respondent", name = "乙某" } },
                }
            ),
            HttpStatusCode.Created
        );
        return await Act(
            c,
            d,
            new
            {
                action = "Triage",
                jurisdiction = "PoliceSimple",
                version = d.Summary.Version,
            }
        );
    }

    private static async Task<DisputeDetail> Act(HttpClient c, DisputeDetail d, object body) =>
        await ApiAssert.OkAsync<DisputeDetail>(await c.PostAsJsonAsync($"/api/v1/disputes/{d.Summary.Id}/actions", body, ApiAssert.Json));

    private async Task<List<Guid>> LedgerAsync(HttpClient c, DisputeFigure figure) =>
        (
            await ApiAssert.OkAsync<PagedResult<DisputeRow>>(
                await c.GetAsync($"/api/v1/disputes?figure={figure}&{Period}&orgUnitId={app.World.Villages[0].Id}&pageSize=200")
            )
        )
            .Items.Select(r => r.Id)
            .ToList();

    [Fact]
    public async Task A_court_confirmed_agreement_is_counted_as_confirmed_and_opens_its_dispute()
    {
        var officer = await app.As("officer1");
        var before = await ApiAssert.OkAsync<DisputeFigures>(
            await officer.GetAsync($"/api/v1/disputes/figures?orgUnitId={app.World.Villages[0].Id}&{Period}")
        );
        var d = await TriagedAsync(officer, "院墙纠纷（司法确认）");
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
        var url = $"/api/v1/disputes/{d.Summary.Id}/agreement";
        var a = await ApiAssert.OkAsync<AgreementView>(
            await officer.PutJsonAsync(
                url,
                new
                {
                    parties = new object[] { new { role = "Applicant", name = "甲某" }, new { role = "Respondent", name = "乙某" } },
                    facts = "两家为院墙位置争执",
                    responsibilities = "双方各负其责",
                    agreedContent = "院墙按原址重砌，费用各半",
                    performanceMethod = "共同出资",
                    performanceDeadline = Today.AddDays(20).ToString("yyyy-MM-dd"),
                    mediators = new[] { "老李" },
                }
            )
        );
        a = await ApiAssert.OkAsync<AgreementView>(
            await officer.PostAsJsonAsync(url + "/sign", new { version = a.Version, judicialChosen = true })
        );
        await ApiAssert.OkAsync<AgreementView>(
            await officer.PostAsJsonAsync(
                url + "/judicial-confirmation",
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

        var after = await ApiAssert.OkAsync<DisputeFigures>(
            await officer.GetAsync($"/api/v1/disputes/figures?orgUnitId={app.World.Villages[0].Id}&{Period}")
        );
        Assert.Equal(before.Current.Confirmed + 1, after.Current.Confirmed);
        var rows = await LedgerAsync(officer, DisputeFigure.Confirmed);
        Assert.Contains(d.Summary.Id, rows);
        Assert.Equal(after.Current.Confirmed, rows.Count);
        Assert.Contains(after.Definitions, x => x.Key == "Confirmed" && x.Definition.Contains("司法确认"));
    }

    [Fact]
    public async Task A_dispute_resolved_by_a_referrals_receiver_counts_as_resolved_but_within_no_tier()
    {
        var officer = await app.As("officer1");
        var d = await TriagedAsync(officer, "院墙纠纷（移交化解）");
        var r = await ApiAssert.OkAsync<ReferralView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/referrals",
                new
                {
                    receiverKind = "JudicialOffice",
                    receiverOrganization = "东峪镇司法所",
                    facts = "两家为院墙争执",
                    reason = "需司法所调处",
                    version = d.Summary.Version,
                }
            ),
            HttpStatusCode.Created
        );
        d = await ApiAssert.OkAsync<DisputeDetail>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        await ApiAssert.OkAsync<ReferralView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/referrals/{r.Id}/result",
                new
                {
                    outcome = "Resolved",
                    resultText = "司法所调解成功",
                    receiverName = "司法所赵某",
                    version = d.Summary.Version,
                }
            )
        );

        Assert.Contains(d.Summary.Id, await LedgerAsync(officer, DisputeFigure.Resolved));
        Assert.Contains(d.Summary.Id, await LedgerAsync(officer, DisputeFigure.Referred));
        Assert.DoesNotContain(d.Summary.Id, await LedgerAsync(officer, DisputeFigure.WithinGroup));
        Assert.DoesNotContain(d.Summary.Id, await LedgerAsync(officer, DisputeFigure.WithinTown));
        // Its result acknowledged the referral at the same time; a receiver's resolution is at no level.
        Assert.Contains(d.Summary.Id, await LedgerAsync(officer, DisputeFigure.ReferralAcknowledged));
        foreach (var level in Enum.GetValues<MediationLevel>())
            Assert.DoesNotContain(d.Summary.Id, await LedgerAsync(officer, DisputeFigureRules.AtLevel(level)));
        var figures = await ApiAssert.OkAsync<DisputeFigures>(
            await officer.GetAsync($"/api/v1/disputes/figures?orgUnitId={app.World.Villages[0].Id}&{Period}")
        );
        Assert.Equal(figures.Current.Resolved, (await LedgerAsync(officer, DisputeFigure.Resolved)).Count);
        Assert.Equal(figures.Current.WithinTown, (await LedgerAsync(officer, DisputeFigure.WithinTown)).Count);
        Assert.Equal(figures.Current.ReferralAcknowledged, (await LedgerAsync(officer, DisputeFigure.ReferralAcknowledged)).Count);
    }

    [Fact]
    public async Task A_referral_acknowledged_by_its_receiver_is_counted_once_and_a_county_resolution_at_level_four()
    {
        var officer = await app.As("officer1");
        var unit = app.World.Villages[0].Id;
        var before = await ApiAssert.OkAsync<DisputeFigures>(await officer.GetAsync($"/api/v1/disputes/figures?orgUnitId={unit}&{Period}"));
        var d = await TriagedAsync(officer, "院墙纠纷（移交签收）");
        var r = await ApiAssert.OkAsync<ReferralView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/referrals",
                new
                {
                    receiverKind = "JudicialOffice",
                    receiverOrganization = "东峪镇司法所",
                    facts = "两家为院墙争执",
                    reason = "需司法所调处",
                    version = d.Summary.Version,
                }
            ),
            HttpStatusCode.Created
        );
        d = await ApiAssert.OkAsync<DisputeDetail>(await officer.GetAsync($"/api/v1/disputes/{d.Summary.Id}"));
        await ApiAssert.OkAsync<ReferralView>(
            await officer.PostAsJsonAsync(
                $"/api/v1/disputes/{d.Summary.Id}/referrals/{r.Id}/acknowledge",
                new { receiverName = "司法所赵某", version = d.Summary.Version }
            )
        );
        var county = await TriagedAsync(officer, "院墙纠纷（县级化解）");
        county = await Act(
            officer,
            county,
            new
            {
                action = "StartMediation",
                level = "County",
                version = county.Summary.Version,
            }
        );
        await Act(officer, county, new { action = "Resolve", version = county.Summary.Version });

        var after = await ApiAssert.OkAsync<DisputeFigures>(await officer.GetAsync($"/api/v1/disputes/figures?orgUnitId={unit}&{Period}"));
        Assert.Equal(before.Current.ReferralAcknowledged + 1, after.Current.ReferralAcknowledged);
        Assert.Equal(before.Current.ResolvedAtLevel4 + 1, after.Current.ResolvedAtLevel4);
        Assert.Contains(d.Summary.Id, await LedgerAsync(officer, DisputeFigure.ReferralAcknowledged));
        Assert.Contains(county.Summary.Id, await LedgerAsync(officer, DisputeFigure.ResolvedAtLevel4));
        Assert.DoesNotContain(county.Summary.Id, await LedgerAsync(officer, DisputeFigure.WithinTown));
        Assert.Equal(after.Current.ResolvedAtLevel4, (await LedgerAsync(officer, DisputeFigure.ResolvedAtLevel4)).Count);
        Assert.Contains(after.Definitions, x => x.Key == "ReferralAcknowledged" && x.Definition.Contains("签收"));
        Assert.Contains(after.Definitions, x => x.Key == "ResolvedAtLevel4" && x.Definition.Contains("县级"));
    }
}
