using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>Seed 002's quarrel over chickens, through the console: first and second mediation fail, the
/// police office's joint mediation settles it, both follow-ups find it stable, and it is closed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DisputeTests(BrowserFixture app)
{
    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.Locator($".mud-dialog [data-testid={testId}]").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }

    private static async Task StepAsync(IPage page, string action, Func<Task>? fill = null, bool confirm = false)
    {
        await page.GetByTestId($"action-{action}").ClickAsync();
        if (confirm)
        {
            // Destructive steps ask first, then open the step's own dialog.
            await page.Locator(".mud-dialog button").Filter(new() { HasText = "确定" }).Last.ClickAsync();
        }
        await Expect(page.GetByTestId("action-confirm")).ToBeVisibleAsync();
        if (fill is not null) await fill();
        await page.GetByTestId("action-confirm").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_chickens_case_runs_from_the_ledger_to_closing()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        await BrowserFixture.OpenAsync(page, "/disputes");
        await page.GetByTestId("dispute-number").Filter(new() { HasText = "JF-TEST-1" }).ClickAsync();
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("dispute-status")).ToContainTextAsync("已登记");
        await Expect(page.GetByText("邻里纠纷", new() { Exact = true })).ToBeVisibleAsync(); // the category's name, not its code

        await StepAsync(page, "Triage", () => PickAsync(page, "action-jurisdiction", "简单"));
        await StepAsync(page, "StartMediation", () => PickAsync(page, "action-level", "初调"));
        await StepAsync(page, "RecordFailedAttempt", () => page.GetByTestId("action-reason").FillAsync("鸡还是往菜地跑，双方各执一词"));
        await StepAsync(page, "Escalate", async () =>
        {
            await PickAsync(page, "action-level", "复调");
            await page.GetByTestId("action-reason").FillAsync("百户长初调未成");
        });
        await StepAsync(page, "RecordFailedAttempt", () => page.GetByTestId("action-reason").FillAsync("治保主任复调未成"));
        await StepAsync(page, "Escalate", async () =>
        {
            await PickAsync(page, "action-level", "联调");
            await page.GetByTestId("action-reason").FillAsync("提交警务室联调");
        });
        await Expect(page.GetByTestId("dispute-level")).ToContainTextAsync("联调");
        await StepAsync(page, "Resolve", () => page.GetByTestId("action-reason").FillAsync("约定圈养鸡只，赔偿菜苗 200 元"));
        await Expect(page.GetByTestId("dispute-status")).ToContainTextAsync("已化解");

        for (var i = 0; i < 2; i++)
            await StepAsync(page, "RecordFollowUp", () => PickAsync(page, "action-result", "稳定"));
        await StepAsync(page, "Close", confirm: true);
        await Expect(page.GetByTestId("dispute-status")).ToContainTextAsync("已结案");
        await Expect(page.GetByTestId("dispute-timeline")).ToContainTextAsync("提交警务室联调");
        await BrowserFixture.ShotAsync(page, "dispute-closed");
        await page.Context.CloseAsync();
    }
}
