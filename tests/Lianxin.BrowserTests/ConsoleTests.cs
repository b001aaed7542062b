using Lianxin.Core.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ConsoleTests(BrowserFixture app)
{
    [Fact]
    public async Task The_place_tree_expands_and_shows_a_village_with_its_boundary()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "leader1");
        await BrowserFixture.OpenAsync(page, "/places");
        await Expect(page.GetByTestId("tree-label").First).ToHaveTextAsync(app.World.Stations[0].Name);
        await page.GetByTestId("tree-toggle").First.ClickAsync();
        await Expect(page.GetByText(app.World.Districts[0].Name)).ToBeVisibleAsync();
        await page.GetByTestId("tree-toggle").Nth(1).ClickAsync();
        await page.GetByText(app.World.Villages[0].Name, new() { Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("place-name")).ToHaveTextAsync(app.World.Villages[0].Name);
        await Expect(page.Locator("#place-map path.leaflet-interactive").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByText(app.World.Stations[1].Name).CountAsync());
        await BrowserFixture.ShotAsync(page, "places");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Residents_are_masked_and_a_reveal_shows_the_number_and_is_audited()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        await BrowserFixture.OpenAsync(page, "/residents");
        var firstId = page.GetByTestId("resident-idnumber").First;
        await Expect(firstId).ToContainTextAsync("********");
        var name = await page.GetByTestId("resident-name").First.InnerTextAsync();
        await page.GetByTestId("reveal").First.ClickAsync();
        await page.GetByTestId("reveal-reason").FillAsync("入户核对");
        await page.GetByTestId("reveal-confirm").ClickAsync();
        await Expect(firstId).Not.ToContainTextAsync("*");
        await Expect(firstId).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^\\d{17}[\\dX]$"));
        await BrowserFixture.ShotAsync(page, "residents-revealed");

        var line = await app.Factory.WithDbAsync(db =>
            db.AuditEntries.AsNoTracking()
                .Where(a => a.Action == AuditAction.Reveal && a.UserId == app.World.UserIds["officer1"])
                .OrderByDescending(a => a.Seq)
                .FirstOrDefaultAsync()
        );
        Assert.NotNull(line);
        Assert.Contains(name, line.Summary);
        Assert.Contains("入户核对", line.Summary);
        await page.Context.CloseAsync();

        // The auditor finds that reveal in the audit log page, and the chain verifies.
        var audit = await app.NewPageAsync();
        await app.SignInAsync(audit, "auditor");
        await BrowserFixture.OpenAsync(audit, "/audit");
        var table = audit.GetByTestId("audit-table");
        await Expect(table).ToContainTextAsync("查看敏感信息");
        await Expect(table).ToContainTextAsync("入户核对");
        await audit.GetByTestId("audit-verify").ClickAsync();
        await Expect(audit.GetByTestId("audit-verify-result")).ToContainTextAsync("完整");
        await BrowserFixture.ShotAsync(audit, "audit-log");
        await audit.Context.CloseAsync();
    }

    [Fact]
    public async Task A_notification_sent_while_the_page_is_open_shows_on_the_bell_at_once()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "leader2");
        await BrowserFixture.OpenAsync(page, "/");
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("0");
        await app.Factory.WithScopeAsync(sp =>
            sp.GetRequiredService<Lianxin.Core.Notifications.NotificationService>()
                .SendAsync(app.World.UserIds["leader2"], "红色预警：西峪村纠纷升级", "请立即处置", "/places")
        );
        await Expect(page.GetByTestId("unread-count")).ToHaveTextAsync("1");
        await BrowserFixture.OpenAsync(page, "/notifications");
        await Expect(page.GetByText("红色预警：西峪村纠纷升级")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_auxiliary_sees_no_reveal_button_and_no_admin_menu()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "auxiliary1");
        await BrowserFixture.OpenAsync(page, "/residents");
        await Expect(page.GetByTestId("resident-name").First).ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByTestId("reveal").CountAsync());
        Assert.Equal(0, await page.GetByText("审计日志").CountAsync());
        Assert.Equal(0, await page.GetByText("用户账号").CountAsync());
        await page.Context.CloseAsync();
    }
}
