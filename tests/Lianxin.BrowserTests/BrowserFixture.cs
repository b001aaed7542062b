using System.Net;
using Lianxin.Core.Access;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lianxin.BrowserTests;

/// <summary>The app on a real Kestrel port on 127.0.0.1, and Debian's Chromium driven by Playwright.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Square =
        """{"type":"Polygon","coordinates":[[[114.0,38.3],[114.02,38.3],[114.02,38.32],[114.0,38.32],[114.0,38.3]]]}""";

    public LianxinFactory Factory { get; private set; } = default!;
    public TestWorld World { get; private set; } = default!;
    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = default!;
    private IPlaywright _playwright = default!;

    public static string ShotsDir { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Factory = new LianxinFactory();
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        BaseUrl = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        World = await TestWorld.CreateAsync(Factory);
        await Factory.WithDbAsync(async db =>
        {
            var village = await db.OrgUnits.FirstAsync(u => u.Id == World.Villages[0].Id);
            village.SetGeography(Square, 38.31, 114.01);
            db.SuppressEntityAudit = true;
            return await db.SaveChangesAsync();
        });
        Directory.CreateDirectory(ShotsDir);

        // CI shares two cores between both test assemblies; give assertions room before calling a page broken.
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(
            new BrowserTypeLaunchOptions
            {
                ExecutablePath = Environment.GetEnvironmentVariable("LIANXIN_CHROMIUM") is { Length: > 0 } path
                    ? path
                    : "/usr/bin/chromium",
                Headless = true,
                Args =
                [
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--no-first-run",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--disable-dev-shm-usage",
                ],
            }
        );
    }

    /// <summary>A fresh account that must change its password at first sign-in.</summary>
    public async Task<string> NewAccountAsync(string userName, string role, Guid unit, bool mustChange)
    {
        await Factory.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LianxinUser>>();
            var u = new LianxinUser
            {
                UserName = userName,
                DisplayName = userName,
                OrgUnitId = unit,
                MustChangePassword = mustChange,
                PasswordChangedAt = DateTimeOffset.UtcNow,
            };
            var r = await users.CreateAsync(u, TestWorld.Password);
            if (!r.Succeeded)
                throw new InvalidOperationException(string.Join(";", r.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(u, role);
            return true;
        });
        return userName;
    }

    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(
            new BrowserNewContextOptions
            {
                BaseURL = BaseUrl,
                Locale = "zh-CN",
                ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1400, Height = 900 },
                IsMobile = phone,
                HasTouch = phone,
            }
        );
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(20_000);
        return page;
    }

    public async Task SignInAsync(IPage page, string user, string password = TestWorld.Password, string path = "/account/login")
    {
        await page.GotoAsync(path);
        await page.FillAsync("#userName", user);
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
    }

    /// <summary>Opens a staff page and waits until its live connection is up.</summary>
    public static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
    }

    /// <summary>Types into an autocomplete and picks the option, again if the list re-rendered under the click and
    /// the field did not take the value (a search that returns while the option is being clicked replaces it).</summary>
    public static async Task ChooseAsync(IPage page, ILocator input, string option)
    {
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync(option);
            var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option }).First;
            await item.ClickAsync();
            try
            {
                await Assertions
                    .Expect(input)
                    .ToHaveValueAsync(
                        new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(option)),
                        new() { Timeout = 3_000 }
                    );
                return;
            }
            catch (PlaywrightException) when (attempt < 3) { }
        }
    }

    public static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ShotsDir, name + ".png"), FullPage = true });

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await Factory.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
