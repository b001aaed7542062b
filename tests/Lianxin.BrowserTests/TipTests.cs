using System.Net.Http.Headers;
using System.Net.Http.Json;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>A resident without an account sends an anonymous tip with a photo from a phone, keeps the query code,
/// and after the officer has acted on it and told the outcome, sees that outcome with the code.</summary>
[Collection(BrowserCollection.Name)]
public sealed class TipTests(BrowserFixture app)
{
    [Fact]
    public async Task A_resident_sends_an_anonymous_tip_and_later_sees_its_outcome()
    {
        var phone = await app.NewPageAsync(phone: true);
        await phone.GotoAsync("/m/tips/new");
        await phone.GetByTestId("tip-category").SelectOptionAsync("gambling");
        await phone.GetByTestId("tip-unit").SelectOptionAsync(app.World.Villages[0].Id.ToString());
        await phone.GetByTestId("tip-address").FillAsync("三组后山废弃砖窑");
        await phone.GetByTestId("tip-body").FillAsync("每晚十点后有十几个人在砖窑里打牌赌钱，外面有人放哨");
        await phone
            .GetByTestId("tip-photos")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "砖窑.png",
                    MimeType = "image/png",
                    Buffer = Convert.FromBase64String(
                        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
                    ),
                }
            );
        await phone.GetByTestId("tip-submit").ClickAsync();
        await Expect(phone.GetByTestId("tip-code")).ToBeVisibleAsync();
        var code = (await phone.GetByTestId("tip-code").InnerTextAsync()).Trim();
        Assert.Matches(@"^[0-9A-Z]{4}(-[0-9A-Z]{4}){5}$", code);
        var number = System
            .Text.RegularExpressions.Regex.Match(await phone.GetByTestId("tip-sent").InnerTextAsync(), @"XS-\d{4}-\d+")
            .Value;
        await BrowserFixture.ShotAsync(phone, "tip-phone-sent");

        // Before any handling the code shows it as received.
        await phone.GotoAsync("/m/tips/lookup");
        await phone.GetByTestId("lookup-code").FillAsync(code);
        await phone.GetByTestId("lookup-submit").ClickAsync();
        await Expect(phone.GetByTestId("lookup-state")).ToContainTextAsync("待研判");

        // The officer acts on it and tells the outcome back (through the API).
        var tipId = await app.Factory.WithDbAsync(db => db.Tips.Where(t => t.Number == number).Select(t => t.Id).FirstAsync());
        using var officer = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        var token = await (
            await officer.PostAsJsonAsync("/api/v1/auth/token", new { userName = "officer1", password = TestWorld.Password })
        ).Content.ReadFromJsonAsync<TestWorld.TokenResponse>();
        officer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token!.AccessToken);
        var detail = await officer.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/volunteers/tips/{tipId}");
        Assert.Equal("匿名", detail.GetProperty("summary").GetProperty("sender").GetString());
        var version = detail.GetProperty("summary").GetProperty("version").GetInt64();
        var acted = await officer.PostAsJsonAsync(
            $"/api/v1/volunteers/tips/{tipId}/act",
            new
            {
                outcome = "Other",
                outcomeText = "会同治安中队查处赌博窝点",
                version,
            }
        );
        acted.EnsureSuccessStatusCode();
        version = (await acted.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>())
            .GetProperty("summary")
            .GetProperty("version")
            .GetInt64();
        (
            await officer.PostAsJsonAsync($"/api/v1/volunteers/tips/{tipId}/close", new { feedback = "已查处，感谢您的举报", version })
        ).EnsureSuccessStatusCode();

        await phone.GotoAsync("/m/tips/lookup");
        await phone.GetByTestId("lookup-code").FillAsync(code.ToLowerInvariant());
        await phone.GetByTestId("lookup-submit").ClickAsync();
        await Expect(phone.GetByTestId("lookup-state")).ToContainTextAsync("已办结");
        await Expect(phone.GetByTestId("lookup-feedback")).ToContainTextAsync("已查处，感谢您的举报");
        await BrowserFixture.ShotAsync(phone, "tip-phone-outcome");

        // A wrong code shows nothing.
        await phone.GotoAsync("/m/tips/lookup");
        await phone.GetByTestId("lookup-code").FillAsync("0000-0000-0000-0000-0000-0000");
        await phone.GetByTestId("lookup-submit").ClickAsync();
        await Expect(phone.GetByTestId("lookup-error")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("lookup-result")).ToHaveCountAsync(0);
        await phone.Context.CloseAsync();
    }
}
