using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace Lianxin.Tests.Localization;

/// <summary>The console's text lives in SharedResource (Chinese, the default) and SharedResource.en (English).
/// English must be complete: every key in both, nothing blank, no Chinese left in the English text, and the
/// same format placeholders so a value is never dropped or thrown on.</summary>
public sealed partial class ResourceTests
{
    private static readonly ResourceManager Resources = new(
        "Lianxin.Web.Resources.SharedResource",
        typeof(Lianxin.Web.SharedResource).Assembly
    );

    private static Dictionary<string, string> Load(CultureInfo culture)
    {
        // Only the strings in that culture's own file, without falling back to the Chinese default.
        var set = Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
    }

    private static Dictionary<string, string> Chinese => Load(CultureInfo.InvariantCulture);
    private static Dictionary<string, string> English => Load(CultureInfo.GetCultureInfo("en"));

    [GeneratedRegex(@"[\u3000-\u303F\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]")]
    private static partial Regex Cjk();

    [GeneratedRegex(@"\{(\d+)\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Both_languages_have_the_same_keys()
    {
        var zh = Chinese;
        var en = English;
        Assert.NotEmpty(zh);
        Assert.Empty(zh.Keys.Except(en.Keys).Order());
        Assert.Empty(en.Keys.Except(zh.Keys).Order());
    }

    [Fact]
    public void Every_value_is_filled_in()
    {
        Assert.Empty(Chinese.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "zh:" + e.Key));
        Assert.Empty(English.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => "en:" + e.Key));
    }

    [Fact]
    public void English_has_no_Chinese_characters()
    {
        Assert.Empty(English.Where(e => Cjk().IsMatch(e.Value)).Select(e => $"{e.Key}: {e.Value}"));
    }

    [Fact]
    public void Both_languages_use_the_same_placeholders()
    {
        var en = English;
        static string Holes(string v) => string.Join(",", Placeholder().Matches(v).Select(m => m.Value).Distinct().Order());
        Assert.Empty(Chinese.Where(e => en.TryGetValue(e.Key, out var v) && Holes(v) != Holes(e.Value)).Select(e => e.Key));
    }

    [Fact]
    public void The_chosen_culture_picks_the_language()
    {
        Assert.Equal("辖区概况", Resources.GetString("Home_Title", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("密码已修改。", Resources.GetString("Home_PasswordChanged", CultureInfo.GetCultureInfo("zh-CN")));
        Assert.Equal("Area overview", Resources.GetString("Home_Title", CultureInfo.GetCultureInfo("en")));
        Assert.Equal("Area overview", Resources.GetString("Home_Title", CultureInfo.GetCultureInfo("en-US")));
    }
}
