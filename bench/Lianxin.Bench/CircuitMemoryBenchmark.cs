using System.Globalization;
using Microsoft.Playwright;

namespace Lianxin.Bench;

/// <summary>Memory per open console tab: each staff page a browser keeps open holds one Blazor circuit on its node
/// (its components, their state and the connection). A headless Chromium signs in once and opens the same page in more
/// and more tabs, each waited for until its circuit is live; the node's resident memory (VmRSS of its process) is read
/// before and after, and the difference divided by the tabs is the cost of one circuit. Run against a node this
/// project started (bench/ledgers.sh --circuits N starts one and passes its process id).</summary>
public static class CircuitMemoryBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        string url = "http://127.0.0.1:5199",
            user = "leader",
            password = "",
            path = "/disputes";
        int pid = 0,
            circuits = 100,
            warm = 5;
        var chromium = Environment.GetEnvironmentVariable("LIANXIN_CHROMIUM") is { Length: > 0 } c ? c : "/usr/bin/chromium";
        for (var i = 1; i + 1 < args.Length; i += 2)
        {
            var v = args[i + 1];
            switch (args[i])
            {
                case "--url":
                    url = v;
                    break;
                case "--user":
                    user = v;
                    break;
                case "--password":
                    password = v;
                    break;
                case "--path":
                    path = v;
                    break;
                case "--pid":
                    pid = int.Parse(v, CultureInfo.InvariantCulture);
                    break;
                case "--circuits":
                    circuits = Math.Clamp(int.Parse(v, CultureInfo.InvariantCulture), 1, 1000);
                    break;
                case "--chromium":
                    chromium = v;
                    break;
                default:
                    Console.Error.WriteLine($"unknown option {args[i]}");
                    return 1;
            }
        }
        if (pid <= 0 || password.Length == 0)
        {
            Console.Error.WriteLine("circuits needs --pid (the node's process) and --password");
            return 1;
        }

        using var playwright = await Playwright.CreateAsync();
        // Chromium allows 255 WebSockets per browser and each tab holds two (its circuit and its notifications), so a
        // new browser, signed in afresh, takes every 100 tabs.
        const int TabsPerBrowser = 100;
        var browsers = new List<IBrowser>();
        IBrowserContext? context = null;
        var inContext = 0;
        async Task<IBrowserContext> ContextAsync()
        {
            if (context is not null && inContext < TabsPerBrowser)
                return context;
            var browser = await playwright.Chromium.LaunchAsync(
                new BrowserTypeLaunchOptions
                {
                    ExecutablePath = chromium,
                    Headless = true,
                    Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"],
                }
            );
            browsers.Add(browser);
            context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = url, Locale = "zh-CN" });
            inContext = 0;
            var first = await context.NewPageAsync();
            await first.GotoAsync("/account/login");
            await first.FillAsync("#userName", user);
            await first.FillAsync("#password", password);
            await first.ClickAsync("button[type=submit]");
            await first.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (first.Url.Contains("/account/", StringComparison.Ordinal))
                throw new InvalidOperationException($"signing in as {user} did not get past {first.Url}");
            await first.CloseAsync();
            return context;
        }

        var pages = new List<IPage>();
        async Task OpenAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var page = await (await ContextAsync()).NewPageAsync();
                inContext++;
                // What keeps a circuit from starting shows in the browser's console.
                page.Console += (_, m) =>
                {
                    if (m.Type == "error")
                        Console.Error.WriteLine($"browser: {m.Text}");
                };
                page.RequestFailed += (_, r) => Console.Error.WriteLine($"browser: {r.Url} failed: {r.Failure}");
                page.Response += (_, r) =>
                {
                    if (r.Status >= 400)
                        Console.Error.WriteLine($"browser: {r.Url} answered {r.Status}");
                };
                await page.GotoAsync(path);
                try
                {
                    await page.Locator("[data-circuit=ready]")
                        .WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                }
                catch (TimeoutException)
                {
                    Console.Error.WriteLine($"tab {pages.Count + 1} at {page.Url} never went live");
                    throw;
                }
                pages.Add(page);
            }
        }

        await OpenAsync(warm);
        await Task.Delay(TimeSpan.FromSeconds(5));
        var before = Rss(pid);
        var started = DateTime.UtcNow;
        await OpenAsync(circuits);
        var opened = DateTime.UtcNow - started;
        await Task.Delay(TimeSpan.FromSeconds(10));
        var after = Rss(pid);
        // Every circuit must still be live, or the figure is of fewer than were opened.
        foreach (var page in pages)
            await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 5_000 });

        foreach (var b in browsers)
            await b.CloseAsync();
        var per = (after - before) / circuits;
        var at2Gb = per > 0 ? (2048.0 * 1024 * 1024 - before) / per : double.PositiveInfinity;
        Console.WriteLine($"page {path}, {circuits} circuits opened in {opened.TotalSeconds:0.0} s after {warm} to warm up");
        Console.WriteLine($"node memory (VmRSS) before {Mb(before)}, after {Mb(after)}");
        Console.WriteLine($"per circuit {per / 1024.0:0} KiB; circuits a node holds within 2 GB: about {at2Gb:0}");
        return 0;
    }

    /// <summary>The process's resident memory in bytes, from /proc.</summary>
    private static double Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException($"no VmRSS for process {pid}");
    }

    private static string Mb(double bytes) => $"{bytes / 1024 / 1024:0} MiB";
}
