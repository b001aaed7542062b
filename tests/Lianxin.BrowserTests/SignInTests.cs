using Lianxin.Core.Access;
using Lianxin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture app)
{
    [Fact]
    public async Task A_leader_signs_in_and_sees_the_station_and_its_people_counted()
    {
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "leader1");
        await Expect(page.GetByTestId("current-user")).ToHaveTextAsync("leader1");
        await Expect(page.GetByTestId("count-residents")).ToHaveTextAsync("2");
        await Expect(page.GetByText("辖区概况")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "home-leader");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes()
    {
        var user = await app.NewAccountAsync("locktest", BuiltInRoles.Auxiliary, app.World.Districts[0].Id, mustChange: false);
        var page = await app.NewPageAsync();
        for (var i = 1; i <= 5; i++)
        {
            await app.SignInAsync(page, user, $"wrong-password-{i}");
            // The answer an unknown account gets: neither tries left nor the lock is told to a guesser.
            await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码错误");
        }
        await app.SignInAsync(page, user, TestWorld.Password);
        await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码错误");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await BrowserFixture.ShotAsync(page, "lockout");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task An_open_console_tab_stops_working_at_its_next_click_once_its_session_has_ended()
    {
        var user = await app.NewAccountAsync("tabtest", BuiltInRoles.StationLeader, app.World.Stations[0].Id, mustChange: false);
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, user);
        await BrowserFixture.OpenAsync(page, "/places");
        await Expect(page.GetByTestId("tree-label").First).ToBeVisibleAsync();

        // Ended elsewhere (a password change on another device, an administrator disabling the account):
        // the tab's live connection makes no HTTP request that a cookie check could refuse.
        await app.Factory.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lianxin.Core.Data.LianxinDbContext>();
            var id = await db.Users.Where(u => u.UserName == user).Select(u => u.Id).FirstAsync();
            return await sp.GetRequiredService<Lianxin.Web.Access.UserSessions>().EndAllAsync(id, "test");
        });
        try
        {
            await page.GetByTestId("tree-toggle").First.ClickAsync(new() { Timeout = 5_000 });
        }
        catch (TimeoutException)
        {
            // The node's sweep of ended sessions cut the tab's connection before the click, and the tab left for the
            // sign-in page on its own: the button the click waited for is gone with the page.
        }
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_seeded_account_must_change_its_password_before_anything_else()
    {
        var user = await app.NewAccountAsync("firsttime", BuiltInRoles.CommunityOfficer, app.World.Districts[0].Id, mustChange: true);
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, user);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/change-password"));
        await Expect(page.GetByTestId("forced-change")).ToBeVisibleAsync();

        await page.GotoAsync("/residents");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/change-password"));

        await page.FillAsync("#currentPassword", TestWorld.Password);
        await page.FillAsync("#newPassword", "abcdefgh");
        await page.FillAsync("#confirmPassword", "abcdefgh");
        await page.ClickAsync("form[action='/account/change-password'] button[type=submit]");
        await Expect(page.GetByTestId("change-error")).ToContainTextAsync("三类");

        await page.FillAsync("#currentPassword", TestWorld.Password);
        await page.FillAsync("#newPassword", "Shan-Cun-Road-88");
        await page.FillAsync("#confirmPassword", "Shan-Cun-Road-88");
        await page.ClickAsync("form[action='/account/change-password'] button[type=submit]");
        await Expect(page.GetByText("密码已修改")).ToBeVisibleAsync();
        await page.GotoAsync("/residents");
        await Expect(page.GetByTestId("resident-table")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_volunteer_signs_in_on_a_phone_and_sees_the_profile()
    {
        var page = await app.NewPageAsync(phone: true);
        await app.SignInAsync(page, "volunteer1", path: "/m/login");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/m/profile"));
        await Expect(page.GetByTestId("profile-name")).ToHaveTextAsync("volunteer1");
        await Expect(page.GetByText(app.World.Grids[0].Name)).ToBeVisibleAsync();
        await Expect(page.GetByText("义警", new() { Exact = true })).ToBeVisibleAsync();
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"page is {width}px wide on a 390px phone");
        await BrowserFixture.ShotAsync(page, "mobile-profile");
        await page.GetByTestId("logout").ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/m/login"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_on_the_phone_shows_the_reason()
    {
        var page = await app.NewPageAsync(phone: true);
        await app.SignInAsync(page, "volunteer2", "nope-nope", path: "/m/login");
        await Expect(page.GetByTestId("login-error")).ToContainTextAsync("用户名或密码错误");
        await page.Context.CloseAsync();
    }
}
