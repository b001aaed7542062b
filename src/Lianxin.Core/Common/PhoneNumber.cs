using System.Text;

namespace Lianxin.Core.Common;

/// <summary>
/// Mainland China phone numbers as people actually type them: mobiles with or without +86,
/// landlines with area codes, separators, parentheses and extensions.
/// </summary>
public static class PhoneNumber
{
    // Third digit allowed after "1x"; keyed by the second digit.
    private static readonly Dictionary<char, string> MobileSegments = new()
    {
        ['3'] = "0123456789",
        ['4'] = "56789",
        ['5'] = "012356789",
        ['6'] = "2567",
        ['7'] = "012345678",
        ['8'] = "0123456789",
        ['9'] = "012356789",
    };

    private static readonly string[] ExtensionMarkers = ["转", "分机", "ext"];

    public static PhoneNumberResult Parse(string? input)
    {
        var text = Fold(input);
        if (text.Length == 0)
        {
            return PhoneNumberResult.Fail("电话号码不能为空");
        }

        var (main, extension, extensionError) = SplitExplicitExtension(text);
        if (extensionError is not null)
        {
            return PhoneNumberResult.Fail(extensionError);
        }

        for (var i = 0; i < main.Length; i++)
        {
            var c = main[i];
            var allowed = char.IsAsciiDigit(c) || c is '-' or ' ' or '(' or ')' || (c == '+' && IsLeading(main, i));
            if (!allowed)
            {
                return PhoneNumberResult.Fail($"电话号码含有非法字符：“{c}”");
            }
        }

        var groups = main.Split(['-', ' ', '(', ')', '+'], StringSplitOptions.RemoveEmptyEntries).ToList();
        if (groups.Count == 0)
        {
            return PhoneNumberResult.Fail("电话号码中没有数字");
        }

        var prefixError = StripCountryCode(groups, main.TrimStart(' ', '(').StartsWith('+'));
        if (prefixError is not null)
        {
            return PhoneNumberResult.Fail(prefixError);
        }

        var digits = string.Concat(groups);
        return digits[0] switch
        {
            '1' => ParseMobile(digits, extension),
            '0' => ParseLandline(groups, extension),
            _ when digits.Length is 7 or 8 => PhoneNumberResult.Fail("固定电话缺少区号，请按“0571-87654321”格式填写"),
            _ => PhoneNumberResult.Fail("无法识别的电话号码：手机号应以 1 开头，固定电话应以区号 0 开头"),
        };
    }

    /// <summary>
    /// Mobile <c>138****1234</c>; landline keeps the area code and last two digits, <c>0571-******21</c>.
    /// Input that does not parse is masked completely.
    /// </summary>
    public static string Mask(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var parsed = Parse(normalized);
        if (!parsed.IsValid || parsed.Normalized is null)
        {
            return new string('*', normalized.Trim().Length);
        }

        var n = parsed.Normalized;
        if (parsed.Kind == PhoneKind.Mobile)
        {
            return string.Concat(n.AsSpan(0, 3), "****", n.AsSpan(7));
        }

        var parts = n.Split('-');
        var local = parts[1];
        var masked = $"{parts[0]}-{new string('*', local.Length - 2)}{local[^2..]}";
        return parts.Length > 2 ? $"{masked}-{parts[2]}" : masked;
    }

    private static PhoneNumberResult ParseMobile(string digits, string? extension)
    {
        if (digits.Length != 11)
        {
            return PhoneNumberResult.Fail($"手机号应为 11 位数字，实际为 {digits.Length} 位");
        }

        if (extension is not null)
        {
            return PhoneNumberResult.Fail("手机号不能带分机号");
        }

        if (!MobileSegments.TryGetValue(digits[1], out var thirds) || !thirds.Contains(digits[2], StringComparison.Ordinal))
        {
            return PhoneNumberResult.Fail($"手机号号段无效：{digits[..3]} 不是大陆手机号段");
        }

        return new PhoneNumberResult { Normalized = digits, Kind = PhoneKind.Mobile };
    }

    private static PhoneNumberResult ParseLandline(List<string> groups, string? extension)
    {
        string area;
        List<string> rest;
        if (groups.Count > 1 && groups[0].Length is 3 or 4)
        {
            // The writer separated the area code, so trust where they put the break.
            area = groups[0];
            rest = groups[1..];
        }
        else
        {
            // Area code run together with the number: its length follows from its second digit.
            var digits = string.Concat(groups);
            var areaLength = digits.Length > 1 && digits[1] is '1' or '2' ? 3 : 4;
            if (digits.Length <= areaLength)
            {
                return PhoneNumberResult.Fail("固定电话号码不完整：缺少区号后的号码");
            }

            area = digits[..areaLength];
            rest = groups[0].Length > areaLength ? [groups[0][areaLength..], .. groups[1..]] : [digits[areaLength..]];
        }

        if (!IsValidAreaCode(area))
        {
            return PhoneNumberResult.Fail($"区号无效：{area}（应为 010、02X 或 4 位区号）");
        }

        var local = string.Concat(rest);
        if (local.Length is not (7 or 8) && extension is null && rest.Count > 1)
        {
            // "0571-87654321-123": a trailing group after a complete local number is an extension.
            var withoutLast = string.Concat(rest.Take(rest.Count - 1));
            if (withoutLast.Length is 7 or 8 && rest[^1].Length <= 6)
            {
                local = withoutLast;
                extension = rest[^1];
            }
        }

        if (local.Length is not (7 or 8))
        {
            return PhoneNumberResult.Fail($"固定电话号码应为 7 至 8 位数字（不含区号），实际为 {local.Length} 位");
        }

        if (local[0] is '0' or '1')
        {
            return PhoneNumberResult.Fail("固定电话号码（不含区号）不能以 0 或 1 开头");
        }

        var normalized = extension is null ? $"{area}-{local}" : $"{area}-{local}-{extension}";
        return new PhoneNumberResult { Normalized = normalized, Kind = PhoneKind.Landline };
    }

    // 3-digit codes are 010 and 020–029; every other code is 4 digits and starts 03–09.
    private static bool IsValidAreaCode(string area) =>
        area.Length switch
        {
            3 => area[0] == '0' && (area[1] == '2' || area == "010"),
            4 => area[0] == '0' && area[1] is >= '3' and <= '9',
            _ => false,
        };

    private static (string Main, string? Extension, string? Error) SplitExplicitExtension(string text)
    {
        foreach (var marker in ExtensionMarkers)
        {
            var at = text.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var ext = text[(at + marker.Length)..].TrimStart('.', ':', ' ', '-').TrimEnd();
            if (ext.Length is < 1 or > 6 || !ext.All(char.IsAsciiDigit))
            {
                return (text, null, "分机号应为 1 至 6 位数字");
            }

            return (text[..at].TrimEnd(' ', '-'), ext, null);
        }

        return (text, null, null);
    }

    // Removes +86 / 0086 / a bare 86 in front of a mobile; landlines written as +86 571… get their 0 back.
    private static string? StripCountryCode(List<string> groups, bool hasPlus)
    {
        var digits = string.Concat(groups);
        int drop;
        if (hasPlus)
        {
            if (!digits.StartsWith("86", StringComparison.Ordinal))
            {
                return "仅支持中国大陆号码（+86）";
            }

            drop = 2;
        }
        else if (digits.StartsWith("0086", StringComparison.Ordinal))
        {
            drop = 4;
        }
        else if (digits.Length == 13 && digits.StartsWith("861", StringComparison.Ordinal))
        {
            drop = 2;
        }
        else
        {
            return null;
        }

        DropLeadingDigits(groups, drop);
        if (groups.Count == 0)
        {
            return "电话号码不完整：国家代码后没有号码";
        }

        // Mobiles start 13–19; anything else after the country code is an area code missing its 0 (10 is Beijing).
        var rest = string.Concat(groups);
        var isMobile = rest[0] == '1' && rest.Length > 1 && rest[1] != '0';
        if (rest[0] != '0' && !isMobile)
        {
            groups[0] = "0" + groups[0];
        }

        return null;
    }

    private static void DropLeadingDigits(List<string> groups, int count)
    {
        while (count > 0 && groups.Count > 0)
        {
            var take = Math.Min(count, groups[0].Length);
            count -= take;
            groups[0] = groups[0][take..];
            if (groups[0].Length == 0)
            {
                groups.RemoveAt(0);
            }
        }
    }

    // '+' may only open the number, optionally inside parentheses: "(+86)138…".
    private static bool IsLeading(string s, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (s[i] is not (' ' or '('))
            {
                return false;
            }
        }

        return true;
    }

    // Full-width to half-width, every dash-like character to '-', lowercase so "EXT" matches.
    private static string Fold(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(input.Length);
        foreach (var raw in input.Trim())
        {
            var c = raw switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(raw - 0xFEE0),
                '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' => '-',
                _ when char.IsWhiteSpace(raw) => ' ',
                _ => raw,
            };
            sb.Append(char.ToLowerInvariant(c));
        }

        return sb.ToString();
    }
}
