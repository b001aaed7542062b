using System.Text.RegularExpressions;

namespace Lianxin.Tests.Architecture;

/// <summary>The file rules of docs/architecture.md, read from the source tree itself: one public type per
/// source file (so a type is found by its name), and no line past 140 columns in code or pages. The
/// formatter (CSharpier, run by the build) keeps C# within the width; these catch what it cannot break
/// (a long string) and the .razor pages it does not format.</summary>
public sealed partial class SourceFileRulesTests
{
    private const int MaxColumns = 140;

    // File-scoped namespaces (an .editorconfig rule enforced by the build) put top-level types at column 0.
    [GeneratedRegex(
        @"^public\s+(?:(?:static|sealed|abstract|partial|readonly|ref|unsafe|required|new)\s+)*"
            + @"(?:class|struct|interface|enum|record(?:\s+struct|\s+class)?)\s+(?<name>\w+)",
        RegexOptions.Multiline
    )]
    private static partial Regex TopLevelPublicType();

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

    private static IEnumerable<string> Files(string folder, params string[] extensions) =>
        Directory
            .EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories)
            .Where(f => extensions.Contains(Path.GetExtension(f)))
            .Where(f =>
            {
                var parts = Path.GetRelativePath(Root, f).Split(Path.DirectorySeparatorChar);
                return !parts.Contains("obj") && !parts.Contains("bin") && !parts.Contains("Migrations") && !parts.Contains("node_modules");
            });

    [Fact]
    public void Each_source_file_holds_at_most_one_public_type()
    {
        var files = Files("src", ".cs").ToList();
        Assert.NotEmpty(files);
        var crowded = files
            .Select(f =>
                (
                    File: Path.GetRelativePath(Root, f),
                    Types: TopLevelPublicType().Matches(File.ReadAllText(f)).Select(m => m.Groups["name"].Value).Distinct().ToList()
                )
            )
            .Where(x => x.Types.Count > 1)
            .Select(x => $"{x.File}: {string.Join(", ", x.Types)}")
            .ToList();
        Assert.True(crowded.Count == 0, "Files with more than one public type:\n" + string.Join("\n", crowded));
    }

    [Fact]
    public void No_line_runs_past_140_columns()
    {
        var files = Files("src", ".cs", ".razor").Concat(Files("tests", ".cs")).Concat(Files("bench", ".cs")).ToList();
        Assert.NotEmpty(files);
        var longLines = files
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: Path.GetRelativePath(Root, f), Line: i + 1, line.Length)))
            .Where(x => x.Length > MaxColumns)
            .Select(x => $"{x.File}:{x.Line} ({x.Length})")
            .ToList();
        Assert.True(longLines.Count == 0, $"{longLines.Count} lines past {MaxColumns} columns:\n" + string.Join("\n", longLines.Take(50)));
    }

    [Fact]
    public void The_rules_see_a_crowded_file()
    {
        // The pattern must find both types of a two-type file, or the first test could pass by finding none.
        const string Sample =
            "namespace X;\n\npublic sealed record A(int B);\n\npublic static class C\n{\n    public enum Nested { D }\n}\n";
        Assert.Equal(["A", "C"], TopLevelPublicType().Matches(Sample).Select(m => m.Groups["name"].Value));
    }
}
