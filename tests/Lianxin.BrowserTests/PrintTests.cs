using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lianxin.BrowserTests;

/// <summary>Every paper a dispute prints, printed to PDF on A4: nothing may fall outside the page, however many
/// mediators sign and however long their names.</summary>
[Collection(BrowserCollection.Name)]
public sealed partial class PrintTests(BrowserFixture app)
{
    /// <summary>The printable width of A4 with the documents' 20 mm margins, in CSS pixels (96 per inch).</summary>
    private const int PrintableWidth = (int)((210 - 2 * 20) / 25.4 * 96);

    // Every text run and every box of the printed page: anything reaching past the printable width is listed.
    private const string Overflow = """
        (limit) => {
            const out = [];
            const root = document.documentElement;
            if (root.scrollWidth > limit + 1) out.push('page scrolls to ' + root.scrollWidth + 'px');
            const range = document.createRange();
            const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            while (walker.nextNode()) {
                const node = walker.currentNode;
                if (!node.textContent.trim()) continue;
                range.selectNodeContents(node);
                for (const r of range.getClientRects()) {
                    if (r.width > 0 && (r.right > limit + 1 || r.left < -1)) {
                        const text = node.textContent.trim().slice(0, 24);
                        out.push('text "' + text + '" spans ' + Math.round(r.left) + '..' + Math.round(r.right));
                        break;
                    }
                }
            }
            for (const el of document.body.querySelectorAll('*')) {
                const r = el.getBoundingClientRect();
                if (r.width > 0 && r.right > limit + 1)
                    out.push('<' + el.tagName.toLowerCase() + ' class="' + el.className + '"> ends at ' + Math.round(r.right));
            }
            return out.slice(0, 20);
        }
        """;

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PdfPage();

    [Fact]
    public async Task Each_dispute_document_prints_on_A4_with_nothing_outside_the_page()
    {
        var c = await DisputeCase.OfAsync(app);
        var page = await app.NewPageAsync();
        await app.SignInAsync(page, "officer1");
        var documents = new (string Name, string Url, string TestId)[]
        {
            ("agreement", c.Agreement, "agreement-document"),
            ("registration", c.Registration, "registration-document"),
            ("session-record", c.Record, "session-record-document"),
            ("followup-record", c.Visit, "followup-record-document"),
            ("referral-letter", c.ReferralLetter, "referral-document"),
        };
        var problems = new List<string>();
        foreach (var (name, url, testId) in documents)
        {
            await page.SetViewportSizeAsync(1400, 900);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.GotoAsync(url);
            await Expect(page.GetByTestId(testId)).ToBeVisibleAsync();

            // As the printer lays it out: print styles, and a window as wide as the printable part of the sheet.
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await page.SetViewportSizeAsync(PrintableWidth, 1100);
            var outside = await page.EvaluateAsync<string[]>(Overflow, PrintableWidth);
            problems.AddRange(outside.Select(o => $"{name}: {o}"));

            var pdf = await page.PdfAsync(
                new PagePdfOptions
                {
                    Format = "A4",
                    PreferCSSPageSize = true,
                    Path = Path.Combine(BrowserFixture.ShotsDir, $"print-{name}.pdf"),
                }
            );
            Assert.StartsWith("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
            var pages = PdfPage().Matches(Encoding.Latin1.GetString(pdf)).Count;
            Assert.True(pages is >= 1 and <= 6, $"{name}: {pages} pages");
        }
        Assert.True(problems.Count == 0, "Text outside the printed page:\n" + string.Join("\n", problems));
        await page.Context.CloseAsync();
    }
}
