using System.Text;
using System.Text.RegularExpressions;
using Lianxin.Core.Common;
using Lianxin.Core.Incidents.Import;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>Seed 004's way of finding repeated neighbour quarrels: a week's 110 export is imported, three of
/// its rows are wrong and come back in the report, the same flat calling twice shows up as a cluster, and
/// one step turns the cluster into a dispute for mediation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class IncidentTests(BrowserFixture app)
{
    [Fact]
    public async Task An_import_with_three_bad_rows_reports_them_and_the_repeat_becomes_a_dispute()
    {
        var p = "BR" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
        var now = DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset);
        string Row(
            string number,
            DateTimeOffset at,
            string address,
            string phone,
            string category = "dispute",
            string type = "dispute.neighbour"
        ) =>
            string.Join(
                ",",
                number,
                at.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                category,
                type,
                "",
                "张某",
                phone,
                address,
                "",
                "",
                "邻居家的鸡又进菜地，两家吵起来",
                "民警到场调解",
                "T-S1",
                "李警官",
                "否",
                "有效"
            );
        var flat = "东峪村三组" + Random.Shared.Next(100, 999) + "号";
        var csv = new StringBuilder()
            .AppendLine(string.Join(",", IncidentImportTemplate.Columns.Select(c => c.Header)))
            .AppendLine(Row($"{p}01", now.AddDays(-6), flat, "13800001111"))
            .AppendLine(Row($"{p}02", now.AddDays(-2), flat, "13800002222"))
            .AppendLine(Row($"{p}03", now.AddDays(-3), "东峪村一组8号", "13800003333"))
            .AppendLine(Row($"{p}04", now.AddDays(-1), flat, "13800004444", category: "no-such-category"))
            .AppendLine(Row("", now.AddDays(-1), flat, "13800005555"))
            .AppendLine(
                Row($"{p}06", now.AddDays(-1), flat, "13800006666")
                    .Replace(now.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), "昨天")
            )
            .ToString();

        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "leader1");
        await BrowserFixture.OpenAsync(page, "/incidents/import");
        // The file input is wired by script once the page is live; a file chosen a moment before that is
        // never seen, so choose it again if nothing started.
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator("input[type=file]")
                .First.SetInputFilesAsync(
                    new FilePayload
                    {
                        Name = "本周警情.csv",
                        MimeType = "text/csv",
                        Buffer = Encoding.UTF8.GetBytes(csv),
                    }
                );
            try
            {
                await Expect(page.GetByTestId("import-progress").Or(page.GetByTestId("import-result")).First)
                    .ToBeVisibleAsync(new() { Timeout = 10_000 });
                break;
            }
            catch (PlaywrightException) when (attempt < 3) { }
        }
        // Reading, checking, staging and storing the file runs in the request; give a busy machine time.
        await Expect(page.GetByTestId("import-result")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("import-stored")).ToContainTextAsync("3");
        await Expect(page.GetByTestId("import-invalid")).ToContainTextAsync("3");
        // The report names the rows and what is wrong with each.
        await Expect(page.GetByTestId("import-error-row")).ToHaveCountAsync(3);
        var report = await page.GetByTestId("import-error-table").InnerTextAsync();
        Assert.Contains("警情类别", report);
        Assert.Contains("警情编号", report);
        Assert.Contains("接警时间", report);
        await BrowserFixture.ShotAsync(page, "incident-import-report");

        // The two calls from the same flat within days form a cluster.
        await BrowserFixture.OpenAsync(page, "/incidents/clusters");
        await page.GetByTestId("cluster-q").FillAsync(flat);
        await page.GetByTestId("cluster-search").ClickAsync();
        var row = page.GetByTestId("cluster-table").Locator("tbody tr").Filter(new() { HasText = flat }).First;
        await Expect(row).ToBeVisibleAsync();
        await Expect(row.GetByTestId("cluster-count")).ToHaveTextAsync("2");
        await row.ClickAsync();
        await Expect(page.GetByTestId("cluster-detail")).ToBeVisibleAsync();
        await BrowserFixture.ShotAsync(page, "incident-cluster");

        // One step: the cluster becomes a dispute, and the page opens it.
        await page.GetByTestId("cluster-to-dispute").ClickAsync();
        await page.Locator(".mud-dialog button").Filter(new() { HasText = "确定" }).Last.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/disputes/[0-9a-f-]{36}$"));
        await Expect(page.GetByText("JF-")).Not.ToHaveCountAsync(0);
        await BrowserFixture.ShotAsync(page, "incident-cluster-dispute");
    }
}
