using Lianxin.Core.Common;

namespace Lianxin.Tests.Common;

public class CitizenIdTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Theory]
    [InlineData("11010519491231002X", "11010519491231002X", 1949, 12, 31, Gender.Female)]
    [InlineData("130131198503151237", "130131198503151237", 1985, 3, 15, Gender.Male)]
    [InlineData("130131198503151245", "130131198503151245", 1985, 3, 15, Gender.Female)]
    [InlineData("42010619900101001X", "42010619900101001X", 1990, 1, 1, Gender.Male)]
    [InlineData("310104198111110115", "310104198111110115", 1981, 11, 11, Gender.Male)]
    [InlineData("140105200002290043", "140105200002290043", 2000, 2, 29, Gender.Female)]
    [InlineData("130131190001010032", "130131190001010032", 1900, 1, 1, Gender.Male)]
    [InlineData("130131199912310010", "130131199912310010", 1999, 12, 31, Gender.Male)]
    public void Valid_numbers_are_normalized_with_birth_date_and_gender(
        string input,
        string normalized,
        int year,
        int month,
        int day,
        Gender gender
    )
    {
        var result = CitizenId.Parse(input, Today);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(CitizenIdError.None, result.ErrorCode);
        Assert.Null(result.Error);
        Assert.Equal(normalized, result.Normalized);
        Assert.Equal(new DateOnly(year, month, day), result.BirthDate);
        Assert.Equal(gender, result.Gender);
    }

    [Theory]
    [InlineData("11010519491231002x")]
    [InlineData("１１０１０５１９４９１２３１００２Ｘ")]
    [InlineData("１１０１０５１９４９１２３１００２ｘ")]
    [InlineData("  11010519491231002X  ")]
    [InlineData("\t11010519491231002x\n")]
    [InlineData("\u300011010519491231002X\u3000")]
    public void Lowercase_fullwidth_and_padded_input_is_accepted(string input)
    {
        var result = CitizenId.Parse(input, Today);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal("11010519491231002X", result.Normalized);
    }

    [Theory]
    [InlineData("130131850315123", "130131198503151237", Gender.Male)]
    [InlineData("420106900101001", "42010619900101001X", Gender.Male)]
    [InlineData("110105491231002", "11010519491231002X", Gender.Female)]
    [InlineData("１３０１３１８５０３１５１２３", "130131198503151237", Gender.Male)]
    public void Legacy_fifteen_digit_numbers_are_upgraded(string input, string normalized, Gender gender)
    {
        var result = CitizenId.Parse(input, Today);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(normalized, result.Normalized);
        Assert.Equal(gender, result.Gender);
        Assert.Equal(18, result.Normalized!.Length);
    }

    [Fact]
    public void Legacy_number_birth_year_is_in_the_1900s()
    {
        var result = CitizenId.Parse("130131850315123", Today);

        Assert.Equal(new DateOnly(1985, 3, 15), result.BirthDate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000")]
    public void Empty_input_is_rejected(string? input)
    {
        var result = CitizenId.Parse(input, Today);

        Assert.False(result.IsValid);
        Assert.Equal(CitizenIdError.Empty, result.ErrorCode);
        Assert.Equal("身份证号不能为空", result.Error);
        Assert.Null(result.Normalized);
        Assert.Null(result.BirthDate);
        Assert.Equal(Gender.Unknown, result.Gender);
    }

    [Theory]
    [InlineData("1301311985031512", 16)]
    [InlineData("1301311985031512377", 19)]
    [InlineData("13013185031512", 14)]
    [InlineData("1", 1)]
    [InlineData("13013119850315", 14)]
    public void Wrong_length_is_rejected_with_actual_length(string input, int length)
    {
        var result = CitizenId.Parse(input, Today);

        Assert.False(result.IsValid);
        Assert.Equal(CitizenIdError.InvalidLength, result.ErrorCode);
        Assert.Contains($"实际为 {length} 位", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("13013119850315123A", "A")]
    [InlineData("130131-19850315123", "-")]
    [InlineData("130131 198503151237", " ")]
    [InlineData("13013119850315123７a", "a")]
    [InlineData("一30131198503151237", "一")]
    public void Illegal_characters_are_named_in_the_message(string input, string character)
    {
        var result = CitizenId.Parse(input, Today);

        Assert.False(result.IsValid);
        Assert.Equal(CitizenIdError.InvalidCharacter, result.ErrorCode);
        Assert.Equal($"身份证号含有非法字符：“{character}”", result.Error);
    }

    [Theory]
    [InlineData("13013119850315X237")]
    [InlineData("X30131198503151237")]
    [InlineData("13013185031512X")]
    public void X_anywhere_but_the_last_of_18_is_rejected(string input)
    {
        var result = CitizenId.Parse(input, Today);

        Assert.Equal(CitizenIdError.InvalidCharacter, result.ErrorCode);
        Assert.Contains("X", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("10")]
    [InlineData("16")]
    [InlineData("20")]
    [InlineData("24")]
    [InlineData("30")]
    [InlineData("38")]
    [InlineData("47")]
    [InlineData("55")]
    [InlineData("60")]
    [InlineData("66")]
    [InlineData("72")]
    [InlineData("80")]
    [InlineData("84")]
    [InlineData("90")]
    [InlineData("92")]
    [InlineData("99")]
    public void Unknown_province_codes_are_rejected(string province)
    {
        var result = CitizenId.Parse(WithCheckChar(province + "010519850315123"), Today);

        Assert.Equal(CitizenIdError.InvalidRegion, result.ErrorCode);
        Assert.Equal($"身份证号地区码错误：{province} 不是有效的省级行政区划代码", result.Error);
    }

    [Theory]
    [InlineData("11")]
    [InlineData("13")]
    [InlineData("15")]
    [InlineData("21")]
    [InlineData("23")]
    [InlineData("31")]
    [InlineData("37")]
    [InlineData("41")]
    [InlineData("42")]
    [InlineData("46")]
    [InlineData("50")]
    [InlineData("54")]
    [InlineData("61")]
    [InlineData("65")]
    [InlineData("71")]
    [InlineData("81")]
    [InlineData("82")]
    [InlineData("83")]
    [InlineData("91")]
    public void Known_province_codes_are_accepted(string province)
    {
        var result = CitizenId.Parse(WithCheckChar(province + "010519850315123"), Today);

        Assert.True(result.IsValid, result.Error);
    }

    [Theory]
    [InlineData("13013119850230")]
    [InlineData("13013119851301")]
    [InlineData("13013119850000")]
    [InlineData("13013119850132")]
    [InlineData("13013119010229")]
    [InlineData("13013100000101")]
    public void Impossible_birth_dates_are_rejected(string first14)
    {
        var result = CitizenId.Parse(WithCheckChar(first14 + "123"), Today);

        Assert.Equal(CitizenIdError.InvalidBirthDate, result.ErrorCode);
        Assert.Contains("不是有效日期", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Births_before_1900_are_accepted_as_the_standard_sets_no_floor()
    {
        // GB 11643-1999's own example number is of someone born on 1880-01-01.
        var example = CitizenId.Parse(WithCheckChar("44052418800101001"), Today);
        Assert.True(example.IsValid, example.Error);
        Assert.Equal(new DateOnly(1880, 1, 1), example.BirthDate);
        Assert.True(CitizenId.Parse(WithCheckChar("13013118991231001"), Today).IsValid);
    }

    [Fact]
    public void A_mistyped_century_is_still_rejected()
    {
        var result = CitizenId.Parse(WithCheckChar("13013107991231001"), Today);

        Assert.Equal(CitizenIdError.InvalidBirthDate, result.ErrorCode);
        Assert.Equal("身份证号出生日期错误：0799-12-31 早于 1800-01-01", result.Error);
    }

    [Fact]
    public void Birth_after_today_is_rejected()
    {
        var result = CitizenId.Parse("130131202401010053", new DateOnly(2023, 12, 31));

        Assert.Equal(CitizenIdError.FutureBirthDate, result.ErrorCode);
        Assert.Equal("身份证号出生日期错误：2024-01-01 晚于今天", result.Error);
    }

    [Fact]
    public void Birth_on_today_is_accepted()
    {
        var result = CitizenId.Parse("130131202401010053", new DateOnly(2024, 1, 1));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(Gender.Male, result.Gender);
    }

    [Fact]
    public void Today_is_the_date_in_China_even_on_a_server_running_on_UTC()
    {
        // 01:00 on 1 January 2024 in China is still 31 December 2023 on a server whose clock is UTC.
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(
            new DateTimeOffset(2024, 1, 1, 1, 0, 0, ChinaTime.Offset).ToUniversalTime()
        );
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        Assert.Equal(new DateOnly(2023, 12, 31), DateOnly.FromDateTime(clock.GetLocalNow().DateTime));

        var result = CitizenId.Parse("130131202401010053", clock);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(new DateOnly(2024, 1, 1), ChinaTime.Today(clock));
    }

    [Fact]
    public void Today_defaults_to_the_current_date()
    {
        Assert.True(CitizenId.Parse("11010519491231002X").IsValid);
        Assert.Equal(CitizenIdError.FutureBirthDate, CitizenId.Parse(WithCheckChar("11010530001231002")).ErrorCode);
    }

    [Theory]
    [InlineData("110105194912310023", "X", "3")]
    [InlineData("130131198503151230", "7", "0")]
    [InlineData("13013119850315123X", "7", "X")]
    [InlineData("13013119850315123x", "7", "X")]
    [InlineData("140105200002290041", "3", "1")]
    public void Wrong_check_character_names_the_expected_one(string input, string expected, string actual)
    {
        var result = CitizenId.Parse(input, Today);

        Assert.False(result.IsValid);
        Assert.Equal(CitizenIdError.InvalidCheckCharacter, result.ErrorCode);
        Assert.Equal($"身份证号校验位错误：应为 {expected}，实际为 {actual}", result.Error);
    }

    [Fact]
    public void Check_error_message_matches_the_documented_wording()
    {
        Assert.Equal("身份证号校验位错误：应为 X，实际为 3", CitizenId.Parse("110105194912310023", Today).Error);
    }

    [Fact]
    public void A_single_changed_digit_is_caught_by_the_check_character()
    {
        const string valid = "130131198503151237";
        for (var i = 14; i < 17; i++)
        {
            var chars = valid.ToCharArray();
            chars[i] = chars[i] == '9' ? '0' : (char)(chars[i] + 1);
            Assert.Equal(CitizenIdError.InvalidCheckCharacter, CitizenId.Parse(new string(chars), Today).ErrorCode);
        }
    }

    [Theory]
    [InlineData("11010519491231002", 'X')]
    [InlineData("13013119850315123", '7')]
    [InlineData("13013119850315124", '5')]
    [InlineData("14010520000229004", '3')]
    [InlineData("13013119991231001", '0')]
    [InlineData("31010419811111011", '5')]
    public void Check_character_is_computed_with_mod_11_2(string first17, char expected)
    {
        Assert.Equal(expected, CitizenId.ComputeCheckChar(first17));
    }

    [Theory]
    [InlineData("1101051949123100")]
    [InlineData("110105194912310021")]
    [InlineData("1101051949123100A")]
    [InlineData("")]
    public void Check_character_needs_exactly_17_digits(string first17)
    {
        Assert.Throws<ArgumentException>(() => CitizenId.ComputeCheckChar(first17));
    }

    [Theory]
    [InlineData("11010519491231002X", "110105********002X")]
    [InlineData("130131198503151237", "130131********1237")]
    [InlineData("130131850315123", "***************")]
    [InlineData("", "")]
    public void Mask_keeps_region_and_last_four(string input, string expected)
    {
        Assert.Equal(expected, CitizenId.Mask(input));
    }

    private static string WithCheckChar(string first17) => first17 + CitizenId.ComputeCheckChar(first17);
}
