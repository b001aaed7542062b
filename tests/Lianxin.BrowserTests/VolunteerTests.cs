using Lianxin.Core.Access;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>Joining the volunteers from a phone: a resident applies at 390 px wide, the station leader accepts the
/// application in the console, and the resident's phone shows the acceptance and the volunteer's home.</summary>
[Collection(BrowserCollection.Name)]
public sealed class VolunteerTests(BrowserFixture app)
{
    [Fact]
    public async Task A_resident_applies_on_the_phone_is_accepted_and_sees_the_volunteer_home()
    {
        var user = await app.NewAccountAsync("vol-applicant", BuiltInRoles.Resident, app.World.Grids[0].Id, mustChange: false);
        var phone = await app.NewPageAsync(phone: true);
        await app.SignInAsync(phone, user, path: "/m/login");
        await phone.GetByTestId("m-volunteer-link").ClickAsync();
        await Expect(phone.GetByTestId("vol-none")).ToBeVisibleAsync();
        await phone.GetByTestId("vol-apply-link").ClickAsync();

        // A bad ID number is refused with the reason, and what was typed stays.
        await phone.GetByTestId("vol-name").FillAsync("周小勇");
        await phone.GetByTestId("vol-gender").SelectOptionAsync("Male");
        await phone.GetByTestId("vol-phone").FillAsync("139 1234 5678");
        await phone.GetByTestId("vol-id-number").FillAsync("130131199001011234");
        await phone.GetByTestId("vol-unit").SelectOptionAsync(app.World.Villages[0].Id.ToString());
        await phone.GetByTestId("vol-skill-first-aid").CheckAsync();
        await phone.GetByTestId("vol-skill-swimming").CheckAsync();
        await phone.GetByTestId("vol-avail-Weekend").CheckAsync();
        await phone.GetByTestId("vol-statement").FillAsync("会游泳，汛期可以随叫随到");
        await phone.GetByTestId("vol-apply-submit").ClickAsync();
        await Expect(phone.GetByTestId("vol-apply-error")).ToContainTextAsync("身份证号");
        await Expect(phone.GetByTestId("vol-name")).ToHaveValueAsync("周小勇");
        await Expect(phone.GetByTestId("vol-skill-swimming")).ToBeCheckedAsync();
        var width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the form is {width}px wide on a 390px phone");

        await phone.GetByTestId("vol-id-number").FillAsync("");
        await phone.GetByTestId("vol-apply-submit").ClickAsync();
        await Expect(phone.GetByTestId("vol-applied")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("vol-status")).ToHaveTextAsync("待审核");
        await BrowserFixture.ShotAsync(phone, "volunteer-phone-applied");

        // The station leader finds the application at the top of the registry and accepts it.
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "leader1");
        await BrowserFixture.OpenAsync(page, "/volunteers");
        await Expect(page.GetByTestId("vol-queue-chip")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("vol-row-name").First).ToHaveTextAsync("周小勇");
        await page.GetByTestId("vol-row-name").First.ClickAsync();
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("vol-status")).ToHaveTextAsync("待审核");
        await Expect(page.GetByTestId("vol-phone")).ToContainTextAsync("139****5678");
        await page.GetByTestId("vol-act-Accept").ClickAsync();
        await page.Locator(".mud-dialog button").Filter(new() { HasText = "确定" }).Last.ClickAsync();
        await Expect(page.GetByTestId("vol-status")).ToHaveTextAsync("在册");
        await Expect(page.GetByTestId("vol-history")).ToContainTextAsync("待审核 → 在册");
        // Made a police assistant of the public-order kind, with a skill added.
        await page.GetByTestId("vol-assistant-kind").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "治安协管" }).First.ClickAsync();
        await page.GetByTestId("vol-save-profile").ClickAsync();
        await Expect(page.Locator(".mud-snackbar").Filter(new() { HasText = "已保存" })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "volunteer-console-accepted");
        await page.Context.CloseAsync();

        // Back on the phone: accepted, with the volunteer's home and its links.
        await phone.GotoAsync("/m/volunteer");
        await Expect(phone.GetByTestId("vol-accepted")).ToContainTextAsync("已通过");
        await Expect(phone.GetByTestId("vol-status")).ToHaveTextAsync("在册");
        await Expect(phone.GetByTestId("vol-credits")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("vol-link-activities")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("vol-link-tips")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("vol-link-feed")).ToBeVisibleAsync();
        width = await phone.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the volunteer home is {width}px wide on a 390px phone");
        await BrowserFixture.ShotAsync(phone, "volunteer-phone-home");
        await phone.Context.CloseAsync();
    }
}
