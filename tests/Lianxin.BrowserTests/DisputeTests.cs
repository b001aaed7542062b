using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>Seed 002's quarrel over chickens: a household head reports it from a phone; in the console the
/// first and second mediation fail, the police office's joint mediation settles it with a signed and
/// printed agreement, both follow-ups find it stable, and it is closed.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DisputeTests(BrowserFixture app)
{
    private static async Task PickAsync(IPage page, string testId, string option)
    {
        await page.Locator($".mud-dialog [data-testid={testId}]")
            .Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]")
            .ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First.ClickAsync();
    }

    /// <summary>The number a figure starts with ("1（占 50%）" gives 1).</summary>
    private static async Task<int> LeadingNumberAsync(IPage page, string testId)
    {
        var text = await page.GetByTestId(testId).InnerTextAsync();
        return int.Parse(
            System.Text.RegularExpressions.Regex.Match(text, @"^\d+").Value,
            System.Globalization.CultureInfo.InvariantCulture
        );
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
        if (fill is not null)
            await fill();
        await page.GetByTestId("action-confirm").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        // The step is done when the page has reloaded the dispute and its step buttons are live again.
        await Expect(page.Locator("button[data-testid^='action-']:disabled")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task The_chickens_case_runs_from_a_phone_report_to_closing()
    {
        // A household head reports the quarrel from a phone, with a photo of the eaten vegetables.
        var phone = await app.NewPageAsync(phone: true);
        await app.SignInAsync(phone, "informant1", path: "/m/login");
        await phone.GotoAsync("/m/disputes/new");
        await phone.GetByTestId("quick-category").SelectOptionAsync("neighbour");
        await phone.GetByTestId("quick-description").FillAsync("程家的鸡跑进张家菜地吃菜，两家在院门口吵起来了");
        await phone.GetByTestId("quick-applicant").FillAsync("张某");
        await phone.GetByTestId("quick-respondent").FillAsync("程某");
        await phone
            .GetByTestId("quick-photos")
            .SetInputFilesAsync(
                new FilePayload
                {
                    Name = "菜地.jpg",
                    MimeType = "image/jpeg",
                    Buffer = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, 0x4A, 0x46, 0x49, 0x46, 0, 1, 2, 3],
                }
            );
        await phone.GetByTestId("quick-submit").ClickAsync();
        await Expect(phone.GetByTestId("quick-created")).ToBeVisibleAsync();
        var number = System
            .Text.RegularExpressions.Regex.Match(await phone.GetByTestId("quick-created").InnerTextAsync(), @"JF-\d{4}-\d+")
            .Value;
        Assert.NotEmpty(number);
        await BrowserFixture.ShotAsync(phone, "dispute-phone-report");
        await phone.Context.CloseAsync();

        // The community officer takes it through three levels in the console.
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        // Other tests of this app may have settled disputes in the village already: the figures are checked against these.
        var figures = $"/disputes/figures?orgUnitId={app.World.Villages[0].Id}";
        await BrowserFixture.OpenAsync(page, figures);
        var (resolvedBefore, level2Before, level3Before) = (
            await LeadingNumberAsync(page, "figure-resolved"),
            await LeadingNumberAsync(page, "figure-level2"),
            await LeadingNumberAsync(page, "figure-level3")
        );
        await BrowserFixture.OpenAsync(page, "/disputes");
        // The ledger filtered to reports from household heads holds the new one, flagged as such.
        await page.GetByTestId("dispute-filter-source").Locator("xpath=ancestor::div[contains(@class,'mud-select')][1]").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "百户长报告" }).First.ClickAsync();
        await Expect(page.GetByTestId("dispute-number")).ToHaveTextAsync([number]);
        await page.GetByTestId("dispute-number").Filter(new() { HasText = number }).ClickAsync();
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        await Expect(page.GetByTestId("dispute-status")).ToContainTextAsync("已登记");
        await Expect(page.GetByText("邻里纠纷", new() { Exact = true }).First).ToBeVisibleAsync(); // the category's name, not its code
        await Expect(page.GetByTestId("attachment-link")).ToContainTextAsync("菜地.jpg");
        var disputeUrl = page.Url;

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

        // The joint mediation settles it: an agreement is drawn up and signed, then the dispute is resolved.
        await page.GetByTestId("agreement-edit").ClickAsync();
        await page.GetByTestId("agreement-facts").FillAsync("程某家散养的鸡多次进入张某菜地啄食菜苗，双方为此争吵");
        await page.GetByTestId("agreement-responsibilities").FillAsync("程某未圈养鸡只，负主要责任");
        await page.GetByTestId("agreement-content").FillAsync("程某即日起圈养鸡只，并赔偿张某菜苗损失 200 元");
        await page.GetByTestId("agreement-method").FillAsync("现金当面支付");
        var deadline = DateTime.Today.AddDays(10).ToString("yyyy-MM-dd");
        var deadlineInput = page.Locator("input[data-testid=agreement-deadline], [data-testid=agreement-deadline] input").First;
        await deadlineInput.FillAsync(deadline);
        await deadlineInput.PressAsync("Tab");
        await page.GetByTestId("agreement-mediators").FillAsync("李警官、王主任");
        await page.GetByTestId("agreement-save").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await page.GetByTestId("agreement-sign").ClickAsync();
        await page.GetByTestId("agreement-step-confirm").ClickAsync();
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("agreement-status")).ToContainTextAsync("已签");
        await Expect(page.GetByTestId("dispute-timeline")).ToContainTextAsync("签订调解协议"); // the page has the dispute's new version

        var print = await page.Context.NewPageAsync();
        await print.GotoAsync(disputeUrl + "/agreement/print");
        var document = print.GetByTestId("agreement-document");
        await Expect(document).ToContainTextAsync("人民调解协议书");
        await Expect(document).ToContainTextAsync("张某");
        await Expect(document).ToContainTextAsync("程某");
        await Expect(document).ToContainTextAsync("赔偿张某菜苗损失 200 元");
        await Expect(document).ToContainTextAsync("现金当面支付");
        await BrowserFixture.ShotAsync(print, "dispute-agreement-print");
        await print.CloseAsync();

        await StepAsync(page, "Resolve", () => page.GetByTestId("action-reason").FillAsync("约定圈养鸡只，赔偿菜苗 200 元"));
        await Expect(page.GetByTestId("dispute-status")).ToContainTextAsync("已化解");

        // Two follow-up visits are booked; both find it stable and the case is closed.
        await Expect(page.GetByTestId("followup-visitor")).ToHaveCountAsync(2);
        for (var i = 0; i < 2; i++)
            await StepAsync(page, "RecordFollowUp", () => PickAsync(page, "action-result", "稳定"));
        await Expect(page.GetByTestId("dispute-followups").GetByText("稳定", new() { Exact = true })).ToHaveCountAsync(2);
        await StepAsync(page, "Close", confirm: true);
        await Expect(page.GetByTestId("dispute-status")).ToContainTextAsync("已结案");
        await Expect(page.GetByTestId("dispute-timeline")).ToContainTextAsync("提交警务室联调");
        await BrowserFixture.ShotAsync(page, "dispute-closed");

        // This year's figures for the village: one more dispute resolved, at level 3 (in the town, not the village);
        // the number opens the ledger with the disputes it counts, this one among them.
        await BrowserFixture.OpenAsync(page, figures);
        await Expect(page.GetByTestId("figure-resolved")).ToHaveTextAsync($"{resolvedBefore + 1}");
        await Expect(page.GetByTestId("figure-level2")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{level2Before}（"));
        await Expect(page.GetByTestId("figure-level3")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex($"^{level3Before + 1}（"));
        await Expect(page.GetByTestId("figure-level3-definition")).ToContainTextAsync("未上交县级");
        await BrowserFixture.ShotAsync(page, "dispute-figures");
        await page.GetByTestId("figure-level3").ClickAsync();
        await Expect(page.GetByTestId("dispute-figure-filter")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("dispute-number")).ToHaveCountAsync(level3Before + 1);
        await Expect(page.GetByTestId("dispute-number").Filter(new() { HasText = number })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }
}
