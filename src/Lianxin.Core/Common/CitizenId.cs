using System.Globalization;

namespace Lianxin.Core.Common;

/// <summary>
/// Resident identity card numbers (居民身份证号码, GB 11643-1999): validation, normalization and masking.
/// </summary>
public static class CitizenId
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    // GB 11643 sets no floor (its own example is born in 1880); this one only catches a mistyped century
    // such as 0985, since nobody on a register was born before 1800.
    private static readonly DateOnly EarliestBirthDate = new(1800, 1, 1);

    // Province-level codes, plus 83 (Taiwan residence permits) and 91 (foreign permanent residents).
    private static readonly HashSet<int> ProvinceCodes =
    [
        11,
        12,
        13,
        14,
        15,
        21,
        22,
        23,
        31,
        32,
        33,
        34,
        35,
        36,
        37,
        41,
        42,
        43,
        44,
        45,
        46,
        50,
        51,
        52,
        53,
        54,
        61,
        62,
        63,
        64,
        65,
        71,
        81,
        82,
        83,
        91,
    ];

    /// <summary>
    /// Validates and normalizes an ID number. Legacy 15-digit numbers are upgraded to 18 digits.
    /// </summary>
    /// <param name="input">Raw input; surrounding whitespace, full-width characters and lowercase x are accepted.</param>
    /// <param name="today">Reference date for the "born in the future" check; defaults to today's date in China
    /// (never the server's local date: a server on UTC would refuse a child born today before 08:00).</param>
    public static CitizenIdResult Parse(string? input, DateOnly? today = null)
    {
        var text = Fold(input);
        if (text.Length == 0)
        {
            return CitizenIdResult.Fail(CitizenIdError.Empty, "身份证号不能为空");
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c != 'X')
            {
                return CitizenIdResult.Fail(CitizenIdError.InvalidCharacter, $"身份证号含有非法字符：“{c}”");
            }
        }

        if (text.Length != 18 && text.Length != 15)
        {
            return CitizenIdResult.Fail(
                CitizenIdError.InvalidLength,
                $"身份证号长度错误：应为 18 位（或旧版 15 位），实际为 {text.Length} 位"
            );
        }

        var xAt = text.IndexOf('X', StringComparison.Ordinal);
        if (xAt >= 0 && xAt != 17)
        {
            return CitizenIdResult.Fail(CitizenIdError.InvalidCharacter, "身份证号中的 X 只能出现在第 18 位");
        }

        var isLegacy = text.Length == 15;
        var body = isLegacy ? string.Concat(text.AsSpan(0, 6), "19", text.AsSpan(6)) : text[..17];

        var province = (body[0] - '0') * 10 + (body[1] - '0');
        if (!ProvinceCodes.Contains(province))
        {
            return CitizenIdResult.Fail(CitizenIdError.InvalidRegion, $"身份证号地区码错误：{body[..2]} 不是有效的省级行政区划代码");
        }

        var datePart = body.Substring(6, 8);
        if (!DateOnly.TryParseExact(datePart, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var birth))
        {
            return CitizenIdResult.Fail(CitizenIdError.InvalidBirthDate, $"身份证号出生日期错误：{datePart} 不是有效日期");
        }

        if (birth < EarliestBirthDate)
        {
            return CitizenIdResult.Fail(
                CitizenIdError.InvalidBirthDate,
                $"身份证号出生日期错误：{birth:yyyy-MM-dd} 早于 {EarliestBirthDate:yyyy-MM-dd}"
            );
        }

        var reference = today ?? ChinaTime.Today(TimeProvider.System);
        if (birth > reference)
        {
            return CitizenIdResult.Fail(CitizenIdError.FutureBirthDate, $"身份证号出生日期错误：{birth:yyyy-MM-dd} 晚于今天");
        }

        var expected = ComputeCheckChar(body);
        if (!isLegacy && text[17] != expected)
        {
            return CitizenIdResult.Fail(CitizenIdError.InvalidCheckCharacter, $"身份证号校验位错误：应为 {expected}，实际为 {text[17]}");
        }

        return new CitizenIdResult
        {
            Normalized = body + expected,
            BirthDate = birth,
            Gender = (body[16] - '0') % 2 == 1 ? Gender.Male : Gender.Female,
        };
    }

    /// <summary>Validates against today's date in China as the clock tells it.</summary>
    public static CitizenIdResult Parse(string? input, TimeProvider clock) => Parse(input, ChinaTime.Today(clock));

    /// <summary>ISO 7064 MOD 11-2 check character for the first 17 digits.</summary>
    /// <exception cref="ArgumentException">Not exactly 17 ASCII digits.</exception>
    public static char ComputeCheckChar(ReadOnlySpan<char> first17)
    {
        if (first17.Length != 17)
        {
            throw new ArgumentException("Expected exactly 17 digits.", nameof(first17));
        }

        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var c = first17[i];
            if (!char.IsAsciiDigit(c))
            {
                throw new ArgumentException("Expected exactly 17 digits.", nameof(first17));
            }

            sum += (c - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>
    /// Where the number was issued, by its first six digits: "浙江省 杭州市 西湖区", or "未知地区 330199" for a code the
    /// national list does not hold (old cards keep retired codes, so an unknown one is shown, never refused).
    /// </summary>
    public static string RegionName(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return DivisionNames.Of(normalized.Length >= 6 ? normalized[..6] : normalized);
    }

    /// <summary>
    /// Hides the birth date and sequence: <c>110105********002X</c>. Anything that is not 18 characters
    /// is masked completely, because a partial mask of an unknown layout could leak digits.
    /// </summary>
    public static string Mask(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        return normalized.Length == 18
            ? string.Concat(normalized.AsSpan(0, 6), "********", normalized.AsSpan(14))
            : new string('*', normalized.Length);
    }

    // Full-width digits and X are common when people type on a Chinese IME.
    private static string Fold(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return string.Empty;
        }

        var trimmed = input.Trim();
        return string.Create(trimmed.Length, trimmed, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                if (c is >= '\uFF01' and <= '\uFF5E')
                {
                    c = (char)(c - 0xFEE0);
                }

                span[i] = c == 'x' ? 'X' : c;
            }
        });
    }
}
