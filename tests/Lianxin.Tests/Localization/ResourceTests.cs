using System.Globalization;
using System.Text.RegularExpressions;
using Lianxin.Tests.Support;
using Lianxin.Web;
using Lianxin.Web.Localization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace Lianxin.Tests.Localization;

/// <summary>The console's text lives in the shared file and one file per feature, each in Chinese (the default) and
/// English. English must be complete: every key in both, nothing blank, no Chinese left in the English text, and the
/// same format placeholders so a value is never dropped or thrown on. A key lives in exactly one file, every feature's
/// file is registered, and every key a page names is in some file.</summary>
public sealed partial class ResourceTests(SqliteApp app) : IClassFixture<SqliteApp>
{
    public static TheoryData<string> FileNames => [.. ScreenText.Files.Keys];

    private static Dictionary<string, string> Chinese(string file) => ScreenText.Load(ScreenText.Files[file], CultureInfo.InvariantCulture);

    private static Dictionary<string, string> English(string file) =>
        ScreenText.Load(ScreenText.Files[file], CultureInfo.GetCultureInfo("en"));

    [GeneratedRegex(@"[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\bL\[""(?<key>[^""{}]+)""")]
    private static partial Regex LiteralKey();

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Both_languages_have_the_same_keys(string file)
    {
        var zh = Chinese(file);
        var en = English(file);
        Assert.NotEmpty(zh);
        Assert.Empty(zh.Keys.Except(en.Keys).Order());
        Assert.Empty(en.Keys.Except(zh.Keys).Order());
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Every_value_is_filled_in(string file)
    {
        Assert.Empty(Chinese(file).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "zh:" + e.Key));
        Assert.Empty(English(file).Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "en:" + e.Key));
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void English_has_no_Chinese_characters(string file)
    {
        Assert.Empty(English(file).Where(e => Cjk().IsMatch(e.Value)).Select(e => $"{e.Key}: {e.Value}"));
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Both_languages_use_the_same_placeholders(string file)
    {
        var en = English(file);
        static string Holes(string v) => string.Join(",", Placeholder().Matches(v).Select(m => m.Value).Distinct().Order());
        Assert.Empty(Chinese(file).Where(e => en.TryGetValue(e.Key, out var v) && Holes(v) != Holes(e.Value)).Select(e => e.Key));
    }

    [Fact]
    public void Every_feature_has_its_file_and_a_key_lives_in_one_file()
    {
        Assert.Equal(8, ScreenText.FeatureMarkers.Count);
        var twice = ScreenText
            .All(CultureInfo.InvariantCulture)
            .GroupBy(x => x.Key)
            .Where(g => g.Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(", ", g.Select(x => x.File))}");
        Assert.Empty(twice);
    }

    [Fact]
    public void Every_feature_file_is_registered_with_the_localizer()
    {
        var registered = app.Factory.Services.GetServices<FeatureText>().Select(f => f.Marker).OrderBy(t => t.FullName).ToList();
        Assert.Equal(ScreenText.FeatureMarkers, registered);
        Assert.IsType<FeatureTextLocalizer>(app.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>());
    }

    [Fact]
    public void Every_key_a_page_names_is_in_a_file()
    {
        var keys = ScreenText.All(CultureInfo.InvariantCulture).Select(x => x.Key).ToHashSet();
        var web = Path.Combine(Root, "src", "Lianxin.Web");
        var named = Directory
            .EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LiteralKey().Matches(File.ReadAllText(f)).Select(m => (File: Path.GetFileName(f), Key: m.Groups["key"].Value)))
            .ToList();
        Assert.True(named.Count > 1000, $"only {named.Count} keys named in the pages: the pattern no longer matches how pages read text");
        var missing = named.Where(x => !keys.Contains(x.Key)).Select(x => $"{x.File}: {x.Key}").Distinct().ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void The_chosen_culture_picks_the_language_from_any_file()
    {
        var l = app.Factory.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        string In(string culture, string key)
        {
            var before = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            try
            {
                return l[key];
            }
            finally
            {
                CultureInfo.CurrentUICulture = before;
            }
        }
        Assert.Equal("辖区概况", In("zh-CN", "Home_Title"));
        Assert.Equal("密码已修改。", In("zh-CN", "Home_PasswordChanged"));
        Assert.Equal("Area overview", In("en", "Home_Title"));
        Assert.Equal("Area overview", In("en-US", "Home_Title"));
        // A feature's key, in both languages, through the same localizer the pages inject.
        Assert.Equal(ScreenText.Shared.GetString("NavApi", CultureInfo.InvariantCulture), In("zh-CN", "NavApi"));
        var disputes = ScreenText.Files["DisputesText"];
        Assert.Equal(disputes.GetString("NavDisputes", CultureInfo.InvariantCulture), In("zh-CN", "NavDisputes"));
        Assert.Equal(disputes.GetString("NavDisputes", CultureInfo.GetCultureInfo("en")), In("en", "NavDisputes"));
        Assert.NotEqual(In("zh-CN", "NavDisputes"), In("en", "NavDisputes"));
        Assert.True(l["No.Such.Key"].ResourceNotFound);
        Assert.Equal("No.Such.Key", l["No.Such.Key"].Value);
    }

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
}
