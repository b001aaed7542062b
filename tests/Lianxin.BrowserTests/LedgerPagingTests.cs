using System.Globalization;
using Lianxin.Core.Organization;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>The resident ledger past its counted rows: the pager says "more than 1,000", "next" goes on by key past
/// the count, and going back shows the pages seen before.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LedgerPagingTests(BrowserFixture app)
{
    [Fact]
    public async Task The_pager_says_more_than_the_count_and_next_pages_on_past_it()
    {
        var token = "翻页" + Guid.NewGuid().ToString("N")[..6];
        await app.Factory.WithDbAsync(async db =>
        {
            for (var i = 0; i < 1_045; i++)
                // In the second station: pages of the first that open on its newest residents are left as they were.
                db.Residents.Add(new Resident { Name = $"{token}{i:0000}", OrgUnitId = app.World.Grids[1].Id });
            return await db.SaveChangesAsync();
        });
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "leader2");
        await BrowserFixture.OpenAsync(page, "/residents");
        await page.GetByTestId("resident-q").FillAsync(token);
        await page.GetByTestId("resident-search").ClickAsync();
        var info = page.Locator(".mud-table-pagination-caption").Last;
        await Expect(info).ToContainTextAsync("超过 1,000 条");
        await Expect(info).ToContainTextAsync("第 1-20 条");

        var next = page.Locator(".mud-table-pagination-actions button").Nth(2);
        var first = await page.GetByTestId("resident-name").First.TextContentAsync();
        var seen = new HashSet<string?> { first };
        for (var p = 2; p <= 53; p++)
        {
            await next.ClickAsync();
            await Expect(info).ToContainTextAsync($"第 {((p - 1) * 20 + 1).ToString("N0", CultureInfo.InvariantCulture)}-");
            Assert.True(seen.Add(await page.GetByTestId("resident-name").First.TextContentAsync()), $"page {p} repeats a page");
        }
        await Expect(info).ToContainTextAsync("第 1,041-1,045 条");
        await Expect(next).ToBeDisabledAsync();
        await page.Locator(".mud-table-pagination-actions button").First.ClickAsync();
        await Expect(page.GetByTestId("resident-name").First).ToHaveTextAsync(first!);
        await page.Context.CloseAsync();
    }
}
