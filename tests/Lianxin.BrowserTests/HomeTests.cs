using Lianxin.Core.Disputes;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>The home page is the officer's work today: an overdue dispute is listed and opens its record, and the
/// leader sees the same counted by unit, on a desk
/// and on a phone.</summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeTests(BrowserFixture app)
{
    [Fact]
    public async Task The_home_page_lists_an_overdue_dispute_that_opens_its_record_and_counts_it_for_the_leader()
    {
        const string title = "首页待办：院墙漏水纠纷";
        var started = DateTimeOffset.UtcNow.AddDays(-40);
        var id = await app.Factory.WithDbAsync(async db =>
        {
            var d = Dispute.Register(
                new DisputeRegistration
                {
                    Number = $"JF-HOME-{Guid.NewGuid().ToString("N")[..8]}",
                    Title = title,
                    CategoryCode = "neighbour",
                    Description = "楼上漏水，两家争执",
                    Source = DisputeSource.WalkIn,
                    OrgUnitId = app.World.Villages[0].Id,
                    Parties = [DisputeParty.Create(PartyRole.Applicant, "赵某"), DisputeParty.Create(PartyRole.Respondent, "钱某")],
                },
                "seed",
                started
            );
            d.Triage(DisputeJurisdiction.PoliceSimple, "seed", started);
            db.Disputes.Add(d);
            await db.SaveChangesAsync();
            return d.Id;
        });

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        var limits = page.GetByTestId("work-dispute-limit");
        await Expect(limits).ToBeVisibleAsync();
        var item = limits.GetByTestId("work-item").Filter(new() { HasText = title });
        await Expect(item).ToBeVisibleAsync();
        await Expect(limits).ToContainTextAsync("调解已超期");
        await BrowserFixture.ShotAsync(page, "home-work-officer");
        await item.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/disputes/{id}$"));
        await Expect(page.GetByTestId("dispute-overdue")).ToBeVisibleAsync();
        await page.Context.CloseAsync();

        var leader = await app.NewPageAsync();
        await app.SignInAsync(leader, "leader1");
        var table = leader.GetByTestId("work-by-unit");
        await Expect(table).ToBeVisibleAsync();
        await Expect(table).ToContainTextAsync(app.World.Districts[0].Name);
        await table.GetByTestId("work-count-dispute-limit").First.ClickAsync();
        await Expect(leader.GetByTestId("work-filter")).ToBeVisibleAsync();
        await Expect(leader.GetByTestId("work-item").Filter(new() { HasText = title })).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(leader, "home-work-leader");
        await leader.Context.CloseAsync();

        // On a phone the list and the unit table fit the screen's width (the table scrolls within its box).
        var phone = await app.NewPageAsync(phone: true);
        await app.SignInAsync(phone, "leader1");
        await Expect(phone.GetByTestId("work-dispute-limit")).ToBeVisibleAsync();
        await Expect(phone.GetByTestId("work-by-unit")).ToBeVisibleAsync();
        Assert.True(await phone.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390);
        await BrowserFixture.ShotAsync(phone, "home-work-phone");
        await phone.Context.CloseAsync();
    }
}
