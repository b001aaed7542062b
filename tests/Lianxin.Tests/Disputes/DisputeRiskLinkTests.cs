using System.Net;
using System.Net.Http.Json;
using Lianxin.Core.Disputes;
using Lianxin.Core.Incidents;
using Lianxin.Tests.Support;

namespace Lianxin.Tests.Disputes;

public sealed class DisputeRiskLinkSqliteTests(SqliteApp app) : DisputeRiskLinkTests(app), IClassFixture<SqliteApp>;

public sealed class DisputeRiskLinkPostgresTests(PostgresApp app) : DisputeRiskLinkTests(app), IClassFixture<PostgresApp>;

/// <summary>Repeated 110 calls weigh on a dispute's risk: the incidents linked to it and to the earlier disputes at
/// the same place count, and linking (or unlinking) an incident later regrades it, noted on its timeline.</summary>
public abstract class DisputeRiskLinkTests(AppFixture app)
{
    private static string Unique(string text) => $"{text}{Guid.NewGuid().ToString("N")[..6]}";

    private async Task<DisputeDetail> RegisterAsync(HttpClient officer, string address) =>
        await ApiAssert.OkAsync<DisputeDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/disputes",
                new
                {
                    title = "装修噪音纠纷",
                    categoryCode = "neighbour",
                    source = "Incident110",
                    orgUnitId = app.World.Villages[0].Id,
                    description = "楼上装修噪音，两户多次争吵",
                    address,
                    parties = new object[] { new { role = "Applicant", name = "龚某" }, new { role = "Respondent", name = "程某" } },
                }
            ),
            HttpStatusCode.Created
        );

    private static async Task<IncidentDetail> IncidentAsync(HttpClient officer, Guid unit) =>
        await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PostAsJsonAsync(
                "/api/v1/incidents",
                new
                {
                    number = "R" + Guid.NewGuid().ToString("N")[..16].ToUpperInvariant(),
                    receivedAt = DateTimeOffset.UtcNow.AddHours(-2),
                    categoryCode = "dispute",
                    typeCode = "dispute.neighbour",
                    address = Unique("东峪村装修楼"),
                    summary = "楼上装修噪音扰民",
                    handlingUnitId = unit,
                }
            ),
            HttpStatusCode.Created
        );

    private static async Task<IncidentDetail> LinkAsync(HttpClient officer, IncidentDetail i, Guid? disputeId) =>
        await ApiAssert.OkAsync<IncidentDetail>(
            await officer.PutJsonAsync(
                $"/api/v1/incidents/{i.Summary.Id}",
                new
                {
                    categoryCode = "dispute",
                    typeCode = "dispute.neighbour",
                    disputeId,
                    version = i.Summary.Version,
                }
            )
        );

    private static async Task<DisputeDetail> GetAsync(HttpClient c, Guid id) =>
        await ApiAssert.OkAsync<DisputeDetail>(await c.GetAsync($"/api/v1/disputes/{id}"));

    [Fact]
    public async Task Incidents_linked_later_raise_the_grade_and_count_for_a_later_dispute_at_the_same_place()
    {
        var officer = await app.As("officer1");
        var address = Unique("东峪村五组") + "号";
        var d = await RegisterAsync(officer, address);
        Assert.Equal(DisputeRisk.Green, d.Summary.Risk);
        Assert.DoesNotContain(d.RiskFactors, f => f.Factor == nameof(RiskFactor.RepeatedBetweenParties));

        var incidents = new List<IncidentDetail>();
        for (var n = 0; n < 3; n++)
            incidents.Add(await LinkAsync(officer, await IncidentAsync(officer, app.World.Districts[0].Id), d.Summary.Id));

        var linked = await GetAsync(officer, d.Summary.Id);
        Assert.True(linked.Summary.Risk > d.Summary.Risk, $"linked: {linked.Summary.Risk}");
        Assert.Equal(DisputeRisk.Orange, linked.Summary.Risk);
        var factor = Assert.Single(linked.RiskFactors, f => f.Factor == nameof(RiskFactor.RepeatedBetweenParties));
        Assert.Equal(45, factor.Points);
        Assert.Contains("已报警 3 次", factor.Reason);
        var regrades = linked.Events.Where(e => e.Kind == DisputeEventKind.RiskRegraded).ToList();
        Assert.Equal(2, regrades.Count); // green → yellow at the second call, yellow → orange at the third
        Assert.All(regrades, e => Assert.Contains(DisputeRiskGrader.LinkedIncidentsCause, e.Reason));
        Assert.Contains("调为橙色（较高）", regrades[^1].Reason);
        Assert.Equal(linked.Summary.Status, regrades[^1].ToStatus);

        // A later dispute at the same place carries the parties' earlier calls.
        var later = await RegisterAsync(officer, address);
        var atAddress = Assert.Single(later.RiskFactors, f => f.Factor == nameof(RiskFactor.RepeatedAtAddress));
        Assert.Equal("同一地址此前已报警 3 次", atAddress.Reason);
        Assert.True(later.Summary.Risk > DisputeRisk.Green);

        // Unlinking one regrades again.
        var current = await ApiAssert.OkAsync<IncidentDetail>(await officer.GetAsync($"/api/v1/incidents/{incidents[^1].Summary.Id}"));
        await LinkAsync(officer, current, null);
        var after = await GetAsync(officer, d.Summary.Id);
        Assert.Equal(DisputeRisk.Yellow, after.Summary.Risk);
        Assert.Equal(3, after.Events.Count(e => e.Kind == DisputeEventKind.RiskRegraded));
    }

    [Fact]
    public async Task A_dispute_with_linked_incidents_grades_higher_than_the_same_dispute_without()
    {
        var officer = await app.As("officer1");
        var plain = await RegisterAsync(officer, Unique("东峪村六组") + "号");
        var called = await RegisterAsync(officer, Unique("东峪村七组") + "号");
        for (var n = 0; n < 2; n++)
            await LinkAsync(officer, await IncidentAsync(officer, app.World.Districts[0].Id), called.Summary.Id);
        var (a, b) = (await GetAsync(officer, plain.Summary.Id), await GetAsync(officer, called.Summary.Id));
        Assert.Equal(DisputeRisk.Green, a.Summary.Risk);
        Assert.True(b.Summary.Risk > a.Summary.Risk, $"with calls: {b.Summary.Risk}");
    }
}
