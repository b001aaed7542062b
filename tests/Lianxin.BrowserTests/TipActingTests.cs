using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.Core.Volunteers.Tips;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>An officer acts on residents' tips from the staff tip page, choosing the incident category by its three
/// levels and the dispute category from the dictionary rather than typing codes.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TipActingTests(BrowserFixture app)
{
    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.GetByTestId(testId).Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private async Task<(Guid Id, string Number)> SendAsync(string body, string category)
    {
        using var resident = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (
            await resident.PostAsJsonAsync("/api/v1/auth/token", new { userName = "resident1", password = TestWorld.Password })
        ).Content.ReadFromJsonAsync<TestWorld.TokenResponse>();
        resident.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var sent = await resident.PostAsJsonAsync(
            "/api/v1/volunteers/tips",
            new
            {
                categoryCode = category,
                orgUnitId = app.World.Villages[0].Id,
                address = "东峪村四组村口",
                body,
            }
        );
        sent.EnsureSuccessStatusCode();
        var tip = await sent.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        return (tip.GetProperty("id").GetGuid(), tip.GetProperty("number").GetString()!);
    }

    [Fact]
    public async Task An_officer_turns_tips_into_an_incident_and_a_dispute_by_picking_categories()
    {
        var theft = await SendAsync("村口充电棚这周丢了三辆电动车，夜里有陌生面包车停靠", "public-order");
        var quarrel = await SendAsync("两户为院墙滴水吵了一个月，昨天差点动手", "dispute");

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        await BrowserFixture.OpenAsync(page, $"/volunteers/tips/{theft.Id}");
        await Expect(page.GetByTestId("tip-status")).ToHaveTextAsync("待研判");
        await PickAsync(page, "tip-outcome-select", "已转为警情处置");
        // Nothing can be acted on until a category is chosen; each level lists only the children of the one above.
        await Expect(page.GetByTestId("tip-act")).ToBeDisabledAsync();
        await Expect(page.GetByTestId("incident-type")).ToBeDisabledAsync();
        await PickAsync(page, "incident-category", "刑事警情");
        await PickAsync(page, "incident-type", "盗窃");
        await PickAsync(page, "incident-subtype", "盗窃电动车");
        await page.GetByTestId("tip-outcome-text").FillAsync("已派巡逻组蹲守");
        await BrowserFixture.ShotAsync(page, "tip-console-act-incident");
        await page.GetByTestId("tip-act").ClickAsync();
        await Expect(page.GetByTestId("tip-status")).ToHaveTextAsync("已处置");
        await Expect(page.GetByTestId("tip-outcome")).ToContainTextAsync("已转为警情处置");
        var incident = await app.Factory.WithDbAsync(db =>
            db.Tips.Where(t => t.Id == theft.Id)
                .Join(
                    db.Incidents,
                    t => t.IncidentId,
                    i => i.Id,
                    (t, i) =>
                        new
                        {
                            i.CategoryCode,
                            i.TypeCode,
                            i.SubtypeCode,
                            i.Number,
                        }
                )
                .SingleAsync()
        );
        Assert.Equal(
            ("criminal", "criminal.theft", "criminal.theft.ebike"),
            (incident.CategoryCode, incident.TypeCode, incident.SubtypeCode)
        );
        Assert.Equal(theft.Number, incident.Number);

        await BrowserFixture.OpenAsync(page, $"/volunteers/tips/{quarrel.Id}");
        await PickAsync(page, "tip-outcome-select", "已转为矛盾纠纷调处");
        await PickAsync(page, "tip-dispute-category", "邻里纠纷");
        await page.GetByTestId("tip-act").ClickAsync();
        await Expect(page.GetByTestId("tip-status")).ToHaveTextAsync("已处置");
        var dispute = await app.Factory.WithDbAsync(db =>
            db.Tips.Where(t => t.Id == quarrel.Id)
                .Join(db.Disputes, t => t.DisputeId, d => d.Id, (t, d) => new { d.CategoryCode, t.Status })
                .SingleAsync()
        );
        Assert.Equal("neighbour", dispute.CategoryCode);
        Assert.Equal(TipStatus.ActedOn, dispute.Status);
        await page.Context.CloseAsync();
    }
}
