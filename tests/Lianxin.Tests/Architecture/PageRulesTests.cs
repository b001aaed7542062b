using System.Text.RegularExpressions;

namespace Lianxin.Tests.Architecture;

/// <summary>Rules for the pages' markup that the content security policy enforces in the browser, checked here so a
/// page never ships a control that silently does nothing.</summary>
public sealed partial class PageRulesTests
{
    // An HTML event attribute (onclick="…"), not Blazor's @onclick: the CSP allows no inline script, so the
    // browser ignores it. Buttons use data attributes handled in js/app.js instead (data-print).
    [GeneratedRegex(@"<[A-Za-z][^>]*\s(?<attr>on[a-z]+)\s*=\s*[""']", RegexOptions.Singleline)]
    private static partial Regex InlineHandler();

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Lianxin.slnx")))
                    return dir.FullName;
            throw new InvalidOperationException("The repository root (with Lianxin.slnx) was not found above the test output.");
        }
    }

    private static IEnumerable<(string File, string Text)> Pages() =>
        Directory
            .EnumerateFiles(Path.Combine(Root, "src", "Lianxin.Web"), "*.razor", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(f => (Path.GetRelativePath(Root, f), File.ReadAllText(f)));

    [Fact]
    public void No_page_has_an_inline_event_handler_or_script()
    {
        var pages = Pages().ToList();
        Assert.True(pages.Count > 50, $"expected the web project's pages, found {pages.Count}");
        var found = pages
            .SelectMany(p =>
                InlineHandler()
                    .Matches(p.Text)
                    .Select(m => $"{p.File}: {m.Groups["attr"].Value}")
                    .Concat(InlineScript().Matches(p.Text).Select(_ => $"{p.File}: inline <script>"))
            )
            .ToList();
        Assert.Empty(found);
    }
}
