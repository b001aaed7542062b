using System.Globalization;
using System.Text;

namespace Lianxin.Core.Common;

/// <summary>
/// Turns a free-text Chinese address into a match key, so that different writings of the same place
/// ("平山县西柏坡镇梁家沟村第三组" / "梁家沟村3组") group together when looking for repeated incidents.
/// The key is for comparison only; never show it to people.
/// </summary>
public sealed class AddressNormalizer
{
    /// <summary>A normalizer that drops no jurisdiction prefix.</summary>
    public static AddressNormalizer Default { get; } = new([]);

    /// <summary>
    /// The version of the rules below. Raise it with every change that gives some address a different key:
    /// keys stored under older rules are recomputed at start-up (see <c>AddressKeyRekey</c>), otherwise old
    /// records stop matching new ones. 1: first rules. 2: 小区 before a building number dropped, a bare
    /// number after 单元 read as the flat (室). 3: a leading chain of any divisions of China dropped (national
    /// list in <c>Common/Divisions</c>; replacing that file with a newer list is a rule change too).
    /// </summary>
    public const int RulesVersion = 3;

    private readonly List<(string Full, string? Short)> _prefixes = [];

    // Units that make the number in front of them the number of a numbered part ("三组", "十二号").
    // Longest first, so "号院" wins over "号". 区 is deliberately absent: 东二区 and 东区 are different places.
    private static readonly string[] NumberedUnits =
    [
        "村民小组",
        "小组",
        "单元",
        "号院",
        "号楼",
        "大队",
        "组",
        "号",
        "栋",
        "幢",
        "座",
        "室",
        "户",
        "楼",
        "层",
        "巷",
        "弄",
        "队",
        "排",
        "期",
    ];

    // Different writings of one unit, unified when they follow a number.
    // A bare "楼" is left alone: "5楼" is the 5th floor as often as building 5, so guessing would merge different flats.
    private static readonly Dictionary<string, string> UnitVariants = new()
    {
        ["村民小组"] = "组",
        ["小组"] = "组",
        ["号楼"] = "栋",
        ["幢"] = "栋",
        ["号院"] = "号",
        ["户"] = "室",
    };

    // A numbered unit followed by one of these is part of a settlement name (五百户村), not a numbered part.
    private const string SettlementSuffixes = "村庄屯镇乡营寨堡";

    // A prefix written without its suffix must not run into one of these: "平山" is 平山县, but 平山村 is a village.
    private const string PlaceCharacters = "省市县区镇乡村庄屯街路道巷里社小组号苑园城";

    private static readonly string[] AdministrativeSuffixes = ["街道", "省", "市", "县", "区", "镇", "乡"];

    // The characters of the units a key keeps after a number, and 第: text made of nothing else is only a number.
    private const string NumberedPartCharacters = "组号栋座室楼层巷弄队排期单元第";

    private const string ChineseNumerals = "零〇一二两三四五六七八九十百千";

    /// <param name="jurisdictionPrefixes">
    /// The station's own jurisdiction from the top down, e.g. 河北省, 石家庄市, 平山县, 西柏坡镇.
    /// A leading run of these (in this order, any of them omitted) is dropped from every key.
    /// </param>
    public AddressNormalizer(IEnumerable<string> jurisdictionPrefixes)
    {
        ArgumentNullException.ThrowIfNull(jurisdictionPrefixes);
        foreach (var prefix in jurisdictionPrefixes)
        {
            if (string.IsNullOrWhiteSpace(prefix))
            {
                continue;
            }

            // Prefixes go through the same pipeline so they compare against keys, not raw text.
            var full = NormalizeBody(prefix);
            if (full.Length > 0)
            {
                _prefixes.Add((full, ShortForm(full)));
            }
        }

        KeyVersion = KeyVersionOf(_prefixes.Select(p => p.Full));
    }

    /// <summary>
    /// What the stored keys depend on: the rules and the configured jurisdiction, since changing either changes
    /// keys. Equal to <see cref="RulesVersion"/> when no prefix is configured; otherwise the rules version
    /// followed by five digits of a stable hash of the prefixes.
    /// </summary>
    public int KeyVersion { get; }

    private static int KeyVersionOf(IEnumerable<string> prefixes)
    {
        var text = string.Join('\n', prefixes);
        if (text.Length == 0)
        {
            return RulesVersion;
        }

        // FNV-1a over the UTF-16 text: string.GetHashCode differs between runs, this must not.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (RulesVersion * 100_000) + (int)(hash % 100_000);
    }

    /// <summary>The key stored with an address: the match key cut to the key column's length, null when the address
    /// gives none (incidents, directives and address clusters store it so).</summary>
    public string? Key(string? address) =>
        address is null ? null
        : Cut(Normalize(address)) is { Length: > 0 } key ? key
        : null;

    /// <summary>The key stored with an address where an address that gives none stores the empty key (residents,
    /// disputes, look-backs); null only for no address.</summary>
    public string? KeyOrEmpty(string? address) => address is null ? null : Cut(Normalize(address));

    /// <summary>A match key cut to the key column's length (normalising may lengthen an address: 3栋 → 3号楼).</summary>
    public static string Cut(string key) => key.Length <= TextLimits.Address ? key : key[..TextLimits.Address];

    /// <summary>Returns the match key; empty for null or blank input.</summary>
    public string Normalize(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return string.Empty;
        }

        var key = NormalizeBody(address);
        var end = Math.Max(JurisdictionEnd(key), DivisionChainEnd(key));
        return end > 0 ? key[end..] : key;
    }

    /// <summary>A division's name as a match key, so names compare against keys rather than raw text.</summary>
    internal static string NormalizeDivisionName(string name) => NormalizeBody(name);

    private static string NormalizeBody(string text) => DropEstateSuffix(UnifyNumberedParts(Clean(Fold(text))));

    // "东港豪庭小区3栋" and "东港豪庭3栋" are one building: 小区 in front of a number is dropped. Repeated until
    // none is left, so a key normalised again stays the same. 小区 before other text (光明小区南门) stays.
    private static string DropEstateSuffix(string key)
    {
        var at = key.IndexOf("小区", StringComparison.Ordinal);
        while (at >= 0)
        {
            if (at + 2 < key.Length && char.IsAsciiDigit(key[at + 2]))
            {
                key = key.Remove(at, 2);
                at = key.IndexOf("小区", Math.Max(0, at - 1), StringComparison.Ordinal);
            }
            else
            {
                at = key.IndexOf("小区", at + 1, StringComparison.Ordinal);
            }
        }

        return key;
    }

    // Full-width to half-width, ideographic space to space, dash-like characters to '-', lowercase.
    private static string Fold(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var raw in text)
        {
            var c = raw switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                '\u3000' => ' ',
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ => raw,
            };
            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }

    // Keeps letters, digits and 〇; drops spaces, punctuation and symbols, with two exceptions that carry meaning:
    // a dash between digits ("5-2-301" is building-unit-room, and "1-12" must not become "11-2"),
    // and "#" after a digit, which is shorthand for 号 ("3#楼" is 3号楼).
    private static string Clean(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsSurrogatePair(text, i))
            {
                // Rare characters in place names live outside the BMP; keep them whole.
                if (Rune.IsLetterOrDigit(new Rune(c, text[i + 1])))
                {
                    sb.Append(c).Append(text[i + 1]);
                }

                i++;
            }
            else if (char.IsLetterOrDigit(c) || c == '〇')
            {
                sb.Append(c);
            }
            else if (c == '-' && EndsWithDigit(sb) && NextSignificantIsDigit(text, i + 1))
            {
                sb.Append('-');
            }
            else if (c == '#' && EndsWithDigit(sb))
            {
                sb.Append('号');
            }
        }

        return sb.ToString();
    }

    // Converts Chinese numerals in numbered parts to digits, drops the ordinal 第, and unifies unit variants.
    private static string UnifyNumberedParts(string text)
    {
        var sb = new StringBuilder(text.Length);
        var i = 0;
        var afterNumberedPart = false;
        string? lastUnit = null;
        while (i < text.Length)
        {
            var c = text[i];
            var unitAppended = false;
            if (c == '第' && StartsNumberedPart(text, i + 1))
            {
                i++;
                continue;
            }

            if (IsChineseNumeral(c))
            {
                var end = RunEnd(text, i, IsChineseNumeral);
                var unit = MatchUnit(text, end);

                // A bare number closing the address after a numbered part is a room: "3单元二〇一" is "3单元201".
                var isTrailingRoom = unit is null && afterNumberedPart && end == text.Length;
                var value = unit is not null || isTrailingRoom ? ParseChineseNumber(text.AsSpan(i, end - i)) : null;
                sb.Append(value ?? text[i..end]);
                if (value is not null && unit is not null)
                {
                    i = AppendUnit(sb, end, unit);
                    unitAppended = true;
                    lastUnit = unit;
                }
                else
                {
                    AppendFlatRoom(sb, isTrailingRoom && value is not null, lastUnit);
                    i = end;
                }
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                var end = RunEnd(text, i, char.IsAsciiLetterOrDigit);
                sb.Append(text, i, end - i);
                var unit = MatchUnit(text, end);
                unitAppended = unit is not null;
                if (unit is null)
                {
                    var isTrailingRoom = afterNumberedPart && end == text.Length && IsAllDigits(text.AsSpan(i, end - i));
                    AppendFlatRoom(sb, isTrailingRoom, lastUnit);
                    i = end;
                }
                else
                {
                    i = AppendUnit(sb, end, unit);
                    lastUnit = unit;
                }
            }
            else
            {
                sb.Append(c);
                i++;
            }

            afterNumberedPart = unitAppended;
        }

        return sb.ToString();
    }

    // A bare number closing the address right after a unit (单元) is the flat: "2单元501" is "2单元501室",
    // so the caller who says 室 and the one who does not fall into one key.
    private static void AppendFlatRoom(StringBuilder sb, bool isTrailingRoom, string? lastUnit)
    {
        if (isTrailingRoom && lastUnit == "单元")
        {
            sb.Append('室');
        }
    }

    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return text.Length > 0;
    }

    private static bool StartsNumberedPart(string text, int start)
    {
        if (start >= text.Length)
        {
            return false;
        }

        if (IsChineseNumeral(text[start]))
        {
            var end = RunEnd(text, start, IsChineseNumeral);
            return MatchUnit(text, end) is not null && ParseChineseNumber(text.AsSpan(start, end - start)) is not null;
        }

        return char.IsAsciiDigit(text[start]) && MatchUnit(text, RunEnd(text, start, char.IsAsciiDigit)) is not null;
    }

    private static string? MatchUnit(string text, int at)
    {
        foreach (var unit in NumberedUnits)
        {
            if (text.AsSpan(at).StartsWith(unit, StringComparison.Ordinal))
            {
                var after = at + unit.Length;
                return after < text.Length && SettlementSuffixes.Contains(text[after], StringComparison.Ordinal) ? null : unit;
            }
        }

        return null;
    }

    private static int AppendUnit(StringBuilder sb, int at, string unit)
    {
        sb.Append(UnitVariants.GetValueOrDefault(unit, unit));
        return at + unit.Length;
    }

    /// <summary>
    /// Parses 十二, 一百零五, 一千零一, 两, 一百一 (=110) and digit-by-digit readings such as 三〇一.
    /// Returns null for anything malformed, so the text is left as written.
    /// </summary>
    internal static string? ParseChineseNumber(ReadOnlySpan<char> numeral)
    {
        if (numeral.IsEmpty)
        {
            return null;
        }

        if (numeral.IndexOfAny("十百千") < 0)
        {
            var digits = new StringBuilder(numeral.Length);
            foreach (var c in numeral)
            {
                digits.Append((char)('0' + DigitValue(c)));
            }

            return digits.ToString();
        }

        var total = 0;
        var pending = -1;
        var lastUnit = int.MaxValue;
        var afterZero = false;
        foreach (var c in numeral)
        {
            var digit = DigitValue(c);
            var unit = UnitValue(c);
            if (digit == 0)
            {
                // 零 only fills a gap between sections, as in 一百零五.
                if (pending != -1 || total == 0)
                {
                    return null;
                }

                afterZero = true;
            }
            else if (digit > 0)
            {
                if (pending != -1)
                {
                    return null;
                }

                pending = digit;
            }
            else
            {
                if (unit >= lastUnit)
                {
                    return null;
                }

                if (pending == -1)
                {
                    // A bare 十 means 一十: 十二, 一百零十.
                    if (unit != 10 || (total != 0 && !afterZero))
                    {
                        return null;
                    }

                    pending = 1;
                }

                total += pending * unit;
                pending = -1;
                lastUnit = unit;
                afterZero = false;
            }
        }

        if (pending != -1)
        {
            // Colloquial 一百一 is 110 and 两千五 is 2500; after 零 the digit is just ones.
            total += !afterZero && lastUnit is 100 or 1000 ? pending * (lastUnit / 10) : pending;
        }
        else if (afterZero)
        {
            return null;
        }

        return total.ToString(CultureInfo.InvariantCulture);
    }

    private static int DigitValue(char c) =>
        c switch
        {
            '零' or '〇' => 0,
            '一' => 1,
            '二' or '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => -1,
        };

    private static int UnitValue(char c) =>
        c switch
        {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => 0,
        };

    // Where the configured jurisdiction that starts the key ends (0 when none does, or when dropping it would leave
    // no place: an address that is nothing but the jurisdiction keeps it, rather than collapsing with blank ones).
    private int JurisdictionEnd(string key)
    {
        var position = 0;
        var next = 0;
        while (next < _prefixes.Count)
        {
            var matched = false;
            for (var j = next; j < _prefixes.Count; j++)
            {
                var length = MatchPrefix(key, position, _prefixes[j]);
                if (length > 0)
                {
                    position += length;
                    next = j + 1;
                    matched = true;
                    break;
                }
            }

            if (!matched)
            {
                break;
            }
        }

        return HasPlaceFrom(key, position) ? position : 0;
    }

    // Where the leading chain of divisions of China ends: a province, a city in it, a county in that, a township in
    // that, any of them left out ("杭州西湖区", "浙江省留下街道"). Of all the chains that start the key, the one that
    // drops most while leaving a place. A name written without its suffix (杭州) counts only before a division that
    // lies in it ("杭州西湖区"), never as the chain's last part: 西湖新村 is a village, not 西湖区's 新村. A full name
    // alone must have three characters: 东区 and 城区 are names of counties, but mostly of parts of an estate.
    private static int DivisionChainEnd(string key)
    {
        var end = DivisionChainEnd(key, 0, default, hasParent: false);
        return end > 0 ? end : 0;
    }

    private static int DivisionChainEnd(string key, int at, DivisionIndex.Division parent, bool hasParent)
    {
        var best = -1;
        foreach (var name in DivisionIndex.Instance.Candidates(key, at))
        {
            if (!key.AsSpan(at).StartsWith(name.Text, StringComparison.Ordinal))
            {
                continue;
            }

            var end = at + name.Text.Length;

            // 市场 is a market, not a city: "中山市场3号" keeps its 中山.
            if (!name.IsShort && end < key.Length && key[end - 1] == '市' && key[end] == '场')
            {
                continue;
            }

            foreach (var division in name.Divisions)
            {
                if (hasParent && !DivisionIndex.Nests(parent, division))
                {
                    continue;
                }

                // A street office is often written in full: 前进街道办事处.
                var after = division.Level == 4 && key.AsSpan(end).StartsWith("办事处", StringComparison.Ordinal) ? end + 3 : end;
                if (after > best && ClosesChain(key, name, after, hasParent))
                {
                    best = after;
                }

                if (division.Level < 4)
                {
                    best = Math.Max(best, DivisionChainEnd(key, after, division, hasParent: true));
                }
            }
        }

        return best;
    }

    private static bool ClosesChain(string key, DivisionIndex.Name name, int end, bool hasParent)
    {
        if (!HasPlaceFrom(key, end))
        {
            return false;
        }

        return !name.IsShort && (hasParent || name.Text.Length >= 3);
    }

    // Whether the key from here on still names a place, not just a number: "3号" or "2栋1单元" alone would match
    // that number in every village.
    private static bool HasPlaceFrom(string key, int start)
    {
        for (var i = start; i < key.Length; i++)
        {
            var c = key[i];
            if (
                char.IsSurrogate(c)
                || (char.IsLetter(c) && !char.IsAscii(c) && !NumberedPartCharacters.Contains(c, StringComparison.Ordinal))
            )
            {
                return true;
            }
        }

        return false;
    }

    private static int MatchPrefix(string key, int position, (string Full, string? Short) prefix)
    {
        if (key.AsSpan(position).StartsWith(prefix.Full, StringComparison.Ordinal))
        {
            return prefix.Full.Length;
        }

        if (prefix.Short is { } shortForm && key.AsSpan(position).StartsWith(shortForm, StringComparison.Ordinal))
        {
            var after = position + shortForm.Length;
            if (after == key.Length || !PlaceCharacters.Contains(key[after], StringComparison.Ordinal))
            {
                return shortForm.Length;
            }
        }

        return 0;
    }

    private static string? ShortForm(string full)
    {
        foreach (var suffix in AdministrativeSuffixes)
        {
            if (full.EndsWith(suffix, StringComparison.Ordinal) && full.Length - suffix.Length >= 2)
            {
                return full[..^suffix.Length];
            }
        }

        return null;
    }

    private static bool IsChineseNumeral(char c) => ChineseNumerals.Contains(c, StringComparison.Ordinal);

    private static int RunEnd(string text, int start, Func<char, bool> belongs)
    {
        var end = start;
        while (end < text.Length && belongs(text[end]))
        {
            end++;
        }

        return end;
    }

    private static bool EndsWithDigit(StringBuilder sb) => sb.Length > 0 && char.IsAsciiDigit(sb[^1]);

    private static bool NextSignificantIsDigit(string text, int start)
    {
        for (var i = start; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]) || text[i] == '-')
            {
                continue;
            }

            return char.IsAsciiDigit(text[i]);
        }

        return false;
    }
}
