using System.IO.Compression;
using System.Text;

namespace Lianxin.Core.Common;

/// <summary>
/// The national list of administrative divisions (province, city, county and township names with the codes
/// that nest them), read once from the embedded <c>divisions.txt.gz</c> (see <c>Common/Divisions/README.md</c>).
/// Names are kept as match keys (through <see cref="AddressNormalizer"/>'s own pipeline), indexed by their first
/// two characters, so finding the divisions that start an address costs one dictionary look-up per step.
/// </summary>
internal sealed class DivisionIndex
{
    internal const string ResourceName = "Lianxin.Core.divisions.txt.gz";

    /// <summary>Province 1, city 2, county 3, township 4.</summary>
    internal readonly record struct Division(int Level, int Area);

    /// <summary>A written form of a name and every division it names; <see cref="IsShort"/> when written without
    /// its suffix (杭州 for 杭州市).</summary>
    internal sealed record Name(string Text, bool IsShort, Division[] Divisions);

    private static readonly Lazy<DivisionIndex> Shared = new(() => Load(AddressNormalizer.NormalizeDivisionName));

    // Suffixes a name may be written without; longest first. A stem must keep two characters (沁县 has no short form).
    private static readonly string[] Suffixes = ["特别行政区", "街道", "地区", "省", "市", "区", "县", "镇", "乡"];

    // The autonomous regions' usual short names.
    private static readonly Dictionary<string, string> ProvinceShortNames = new()
    {
        ["内蒙古自治区"] = "内蒙古",
        ["广西壮族自治区"] = "广西",
        ["西藏自治区"] = "西藏",
        ["宁夏回族自治区"] = "宁夏",
        ["新疆维吾尔自治区"] = "新疆",
    };

    private readonly Dictionary<int, Name[]> _byFirstTwo;
    private readonly Dictionary<int, string> _names;

    private DivisionIndex(Dictionary<int, Name[]> byFirstTwo, Dictionary<int, string> names)
    {
        _byFirstTwo = byFirstTwo;
        _names = names;
    }

    internal static DivisionIndex Instance => Shared.Value;

    /// <summary>The names that start <paramref name="text"/> at <paramref name="at"/> could be, longest first
    /// (empty when none starts with those two characters).</summary>
    internal ReadOnlySpan<Name> Candidates(string text, int at) =>
        at + 1 < text.Length && _byFirstTwo.TryGetValue(FirstTwo(text[at], text[at + 1]), out var names) ? names : [];

    /// <summary>The official name of a province (2 digits), city (4) or county (6 digits) code; null if unknown.</summary>
    internal string? NameOf(int code, int digits) =>
        _names.TryGetValue(
            digits switch
            {
                2 => code,
                4 => 100 + code,
                _ => 1_000_000 + code,
            },
            out var name
        )
            ? name
            : null;

    /// <summary>Whether <paramref name="child"/> lies inside <paramref name="parent"/> (levels may be skipped).</summary>
    internal static bool Nests(Division parent, Division child)
    {
        if (child.Level <= parent.Level || parent.Level >= 4)
        {
            return false;
        }

        var unit = parent.Level switch
        {
            1 => 10_000,
            2 => 100,
            _ => 1,
        };
        return child.Area / unit == parent.Area / unit;
    }

    private static int FirstTwo(char a, char b) => (a << 16) | b;

    internal static DivisionIndex Load(Func<string, string> normalize)
    {
        using var stream = typeof(DivisionIndex).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing.");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, Encoding.UTF8);

        var forms = new Dictionary<(string Text, bool IsShort), List<Division>>();
        var names = new Dictionary<int, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(' ');
            var code = int.Parse(fields[0], System.Globalization.CultureInfo.InvariantCulture);
            var (level, area, nameKey) = fields[0].Length switch
            {
                2 => (1, code * 10_000, code),
                4 => (2, code * 100, 100 + code),
                _ => (3, code, 1_000_000 + code),
            };
            names[nameKey] = fields[1];
            Add(forms, fields[1], new Division(level, area), normalize);
            for (var i = 2; i < fields.Length; i++)
            {
                Add(forms, fields[i], new Division(4, code), normalize);
            }
        }

        var byFirstTwo = forms
            .Select(f => new Name(f.Key.Text, f.Key.IsShort, [.. f.Value.Distinct()]))
            .GroupBy(n => FirstTwo(n.Text[0], n.Text[1]))
            .ToDictionary(g => g.Key, g => g.OrderByDescending(n => n.Text.Length).ThenBy(n => n.IsShort).ToArray());
        return new DivisionIndex(byFirstTwo, names);
    }

    private static void Add(
        Dictionary<(string, bool), List<Division>> forms,
        string name,
        Division division,
        Func<string, string> normalize
    )
    {
        var full = normalize(name);
        Put(forms, full, false, division);
        if (ShortForm(name) is { } stem && normalize(stem) is { Length: >= 2 } shortForm && shortForm != full)
        {
            Put(forms, shortForm, true, division);
        }
    }

    private static void Put(Dictionary<(string, bool), List<Division>> forms, string text, bool isShort, Division division)
    {
        if (text.Length < 2)
        {
            return;
        }

        if (!forms.TryGetValue((text, isShort), out var list))
        {
            list = [];
            forms[(text, isShort)] = list;
        }

        list.Add(division);
    }

    private static string? ShortForm(string name)
    {
        if (ProvinceShortNames.TryGetValue(name, out var shortName))
        {
            return shortName;
        }

        foreach (var suffix in Suffixes)
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.Length - suffix.Length >= 2)
            {
                return name[..^suffix.Length];
            }
        }

        return null;
    }
}
