using System.Net.Http.Json;
using System.Reflection;
using Lianxin.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Lianxin.BrowserTests;

/// <summary>Every page of the app, opened by someone allowed to see it, runs without a single content security
/// policy violation (an inline handler, script or eval the policy blocks would break the page silently).</summary>
[Collection(BrowserCollection.Name)]
public sealed class CspTests(BrowserFixture app)
{
    // Runs before any script of the page: keeps every violation the page raises.
    private const string Listener = """
        window.__csp = [];
        document.addEventListener('securitypolicyviolation', e => {
            window.__csp.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' +
                (e.sourceFile || '') + ':' + (e.lineNumber || 0) + ' ' + (e.sample || ''));
        });
        """;

    // Resolves after the next frame and the tasks queued before it, the violation reports among them.
    private const string Settled = "() => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)))";

    /// <summary>Who opens each routable page (null: nobody signed in), and the path with real ids for its
    /// parameters. A page not in this list fails the test, so a new page cannot be forgotten.</summary>
    private async Task<Dictionary<string, (string? User, string Path)>> PagesAsync()
    {
        var c = await DisputeCase.OfAsync(app);
        var ids = await app.Factory.WithDbAsync(async db => new
        {
            Incident = await db.Incidents.Select(x => (Guid?)x.Id).FirstOrDefaultAsync(),
            Case = await db.PublicSecurityCases.Select(x => (Guid?)x.Id).FirstOrDefaultAsync(),
            Activity = await db.Activities.Select(x => (Guid?)x.Id).FirstOrDefaultAsync(),
            Tip = await db.Tips.Select(x => (Guid?)x.Id).FirstOrDefaultAsync(),
            Training = await db.TrainingSessions.Select(x => (Guid?)x.Id).FirstOrDefaultAsync(),
        });
        var incident = ids.Incident ?? await NewIncidentAsync();
        // Records no earlier test made: the page still renders its frame and its "not found" text.
        static Guid Or(Guid? id) => id ?? Guid.NewGuid();
        var year = DateTime.UtcNow.Year;
        var volunteer = app.World.VolunteerIds[0];
        return new()
        {
            ["/"] = ("leader1", "/"),
            ["/account/change-password"] = ("leader1", "/account/change-password"),
            ["/account/denied"] = (null, "/account/denied"),
            ["/account/login"] = (null, "/account/login"),
            ["/admin/roles"] = ("secadmin", "/admin/roles"),
            ["/admin/users"] = ("sysadmin", "/admin/users"),
            ["/audit"] = ("auditor", "/audit"),
            ["/dictionaries"] = ("leader1", "/dictionaries"),
            ["/disputes"] = ("leader1", "/disputes"),
            ["/disputes/figures"] = ("leader1", "/disputes/figures"),
            ["/disputes/forces"] = ("leader1", "/disputes/forces"),
            ["/disputes/{Id:guid}"] = ("leader1", $"/disputes/{c.DisputeId}"),
            ["/disputes/{Id:guid}/agreement/print"] = ("leader1", c.Agreement),
            ["/disputes/{Id:guid}/registration/print"] = ("leader1", c.Registration),
            ["/disputes/{Id:guid}/sessions/{SessionId:guid}/print"] = ("leader1", c.Record),
            ["/disputes/{Id:guid}/followups/{FollowUpId:guid}/print"] = ("leader1", c.Visit),
            ["/disputes/{Id:guid}/referrals/{ReferralId:guid}/print"] = ("leader1", c.ReferralLetter),
            ["/incidents"] = ("leader1", "/incidents"),
            ["/incidents/cases"] = ("leader1", "/incidents/cases"),
            ["/incidents/cases/{Id:guid}"] = ("leader1", $"/incidents/cases/{Or(ids.Case)}"),
            ["/incidents/clusters"] = ("leader1", "/incidents/clusters"),
            ["/incidents/directives"] = ("leader1", "/incidents/directives"),
            ["/incidents/focus"] = ("leader1", "/incidents/focus"),
            ["/incidents/import"] = ("leader1", "/incidents/import"),
            ["/incidents/lookbacks"] = ("leader1", "/incidents/lookbacks"),
            ["/incidents/statistics"] = ("leader1", "/incidents/statistics"),
            ["/incidents/{Id:guid}"] = ("leader1", $"/incidents/{incident}"),
            ["/m"] = ("volunteer1", "/m"),
            ["/m/change-password"] = ("volunteer1", "/m/change-password"),
            ["/m/disputes"] = ("informant1", "/m/disputes"),
            ["/m/disputes/new"] = ("informant1", "/m/disputes/new"),
            ["/m/login"] = (null, "/m/login"),
            ["/m/opinions"] = ("resident1", "/m/opinions"),
            ["/m/profile"] = ("volunteer1", "/m/profile"),
            ["/m/tips/lookup"] = (null, "/m/tips/lookup"),
            ["/m/tips/new"] = (null, "/m/tips/new"),
            ["/m/volunteer"] = ("volunteer1", "/m/volunteer"),
            ["/m/volunteer/activities"] = ("volunteer1", "/m/volunteer/activities"),
            ["/m/volunteer/activities/{Id:guid}/report"] = ("volunteer1", $"/m/volunteer/activities/{Or(ids.Activity)}/report"),
            ["/m/volunteer/apply"] = ("volunteer1", "/m/volunteer/apply"),
            ["/m/volunteer/feed"] = ("volunteer1", "/m/volunteer/feed"),
            ["/m/volunteer/honours"] = ("volunteer1", "/m/volunteer/honours"),
            ["/m/volunteer/tips"] = ("volunteer1", "/m/volunteer/tips"),
            ["/members"] = ("leader1", "/members"),
            ["/notifications"] = ("leader1", "/notifications"),
            ["/places"] = ("leader1", "/places"),
            ["/places/{Id:guid}"] = ("leader1", $"/places/{app.World.Villages[0].Id}"),
            ["/residents"] = ("leader1", "/residents"),
            ["/volunteers"] = ("leader1", "/volunteers"),
            ["/volunteers/activities"] = ("leader1", "/volunteers/activities"),
            ["/volunteers/activities/{Id:guid}"] = ("leader1", $"/volunteers/activities/{Or(ids.Activity)}"),
            ["/volunteers/feed"] = ("leader1", "/volunteers/feed"),
            ["/volunteers/figures"] = ("leader1", "/volunteers/figures"),
            ["/volunteers/ranking"] = ("leader1", "/volunteers/ranking"),
            ["/volunteers/squads"] = ("leader1", "/volunteers/squads"),
            ["/volunteers/squads/{Id:guid}"] = ("leader1", $"/volunteers/squads/{app.World.SquadIds[0]}"),
            ["/volunteers/tips"] = ("leader1", "/volunteers/tips"),
            ["/volunteers/tips/{Id:guid}"] = ("leader1", $"/volunteers/tips/{Or(ids.Tip)}"),
            ["/volunteers/trainings"] = ("leader1", "/volunteers/trainings"),
            ["/volunteers/trainings/{Id:guid}"] = ("leader1", $"/volunteers/trainings/{Or(ids.Training)}"),
            ["/volunteers/{Id:guid}"] = ("leader1", $"/volunteers/{volunteer}"),
            ["/volunteers/{Id:guid}/honour/{Year:int}"] = ("leader1", $"/volunteers/{volunteer}/honour/{year}"),
            // Not a routed component: the referral receiver's page behind its one-time link.
            ["/r/{token}"] = (null, $"/r/{c.ReceiverToken}"),
        };
    }

    private async Task<Guid> NewIncidentAsync()
    {
        using var officer = await DisputeCase.ApiClientAsync(app, "officer1");
        var response = await officer.PostAsJsonAsync(
            "/api/v1/incidents",
            new
            {
                number = "CSP" + DateTime.UtcNow.Ticks,
                receivedAt = DateTimeOffset.UtcNow.AddHours(-1),
                categoryCode = "dispute",
                callerName = "报警人",
                callerPhone = "13800001111",
                address = "东峪村三组8号",
                summary = "楼上装修噪音",
                handlingUnitId = app.World.Districts[0].Id,
            }
        );
        var created = await ApiAssert.OkAsync<Lianxin.Core.Incidents.IncidentDetail>(response, System.Net.HttpStatusCode.Created);
        return created.Summary.Id;
    }

    /// <summary>An inline handler, which the policy blocks, is heard: a test that hears nothing proves something.</summary>
    private async Task TheListenerHearsAViolationAsync()
    {
        var page = await app.NewPageAsync();
        await page.AddInitScriptAsync(Listener);
        await page.GotoAsync("/account/login");
        await page.EvaluateAsync(
            "() => { const b = document.createElement('button'); b.setAttribute('onclick', 'void 0'); "
                + "document.body.append(b); b.click(); b.remove(); }"
        );
        await page.WaitForFunctionAsync("() => window.__csp.length > 0");
        Assert.Contains("script-src", (await page.EvaluateAsync<string[]>("() => window.__csp"))[0], StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    private static IEnumerable<string> RoutedPages() =>
        typeof(Lianxin.Web.SharedResource)
            .Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template);

    private static bool OnPhone(string? user) => user is "volunteer1" or "informant1" or "resident1";

    [Fact]
    public async Task No_page_raises_a_content_security_policy_violation()
    {
        var pages = await PagesAsync();
        var forgotten = RoutedPages().Where(p => !pages.ContainsKey(p)).Order().ToList();
        Assert.True(forgotten.Count == 0, "Pages this test does not open (add them to its list):\n" + string.Join("\n", forgotten));

        await TheListenerHearsAViolationAsync();
        // Each account's pages in runs of a few, each run in a browser context of its own, a few runs at a time.
        var runs = pages
            .GroupBy(p => p.Value.User)
            .SelectMany(g => g.Chunk(PagesPerRun).Select(chunk => (User: g.Key, Pages: chunk)))
            .ToList();
        using var lanes = new SemaphoreSlim(Lanes);
        var found = await Task.WhenAll(
            runs.Select(async run =>
            {
                await lanes.WaitAsync();
                try
                {
                    return await VisitAsync(run.User, run.Pages);
                }
                finally
                {
                    lanes.Release();
                }
            })
        );
        var problems = found.SelectMany(f => f).ToList();
        Assert.True(problems.Count == 0, "Content security policy violations:\n" + string.Join("\n", problems));
    }

    private const int PagesPerRun = 12;
    private const int Lanes = 3;

    private async Task<List<string>> VisitAsync(string? user, IEnumerable<KeyValuePair<string, (string? User, string Path)>> pages)
    {
        var problems = new List<string>();
        var page = await app.NewPageAsync(phone: OnPhone(user));
        await page.AddInitScriptAsync(Listener);
        var console = new List<string>();
        page.Console += (_, m) =>
        {
            if (m.Type == "error" && m.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                lock (console)
                    console.Add(m.Text);
        };
        if (user is not null)
            await app.SignInAsync(page, user, path: OnPhone(user) ? "/m/login" : "/account/login");
        foreach (var (template, (_, path)) in pages)
        {
            lock (console)
                console.Clear();
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Load });
            if (await page.Locator("[data-circuit]").CountAsync() > 0)
                await page.Locator("[data-circuit=ready]").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            // A violation is reported by a queued task: let the page's queued tasks and a frame run first.
            await page.EvaluateAsync(Settled);
            var landed = new Uri(page.Url).AbsolutePath;
            if (landed != path && (landed.Contains("/login") || landed.Contains("/denied")))
                problems.Add($"{template} ({user ?? "anonymous"}): sent to {landed}");
            var seen = await page.EvaluateAsync<string[]>("() => window.__csp || []");
            lock (console)
                problems.AddRange(seen.Concat(console).Distinct().Select(v => $"{template} ({path}): {v}"));
        }
        await page.Context.CloseAsync();
        return problems;
    }
}
