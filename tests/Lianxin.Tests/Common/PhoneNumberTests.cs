using Lianxin.Core.Common;

namespace Lianxin.Tests.Common;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("13812345678")]
    [InlineData("138 1234 5678")]
    [InlineData("138-1234-5678")]
    [InlineData(" 138 - 1234 - 5678 ")]
    [InlineData("+8613812345678")]
    [InlineData("+86 138 1234 5678")]
    [InlineData("+86-138-1234-5678")]
    [InlineData("(+86)13812345678")]
    [InlineData("（+86）138 1234 5678")]
    [InlineData("008613812345678")]
    [InlineData("0086 138 1234 5678")]
    [InlineData("8613812345678")]
    [InlineData("86 138 1234 5678")]
    [InlineData("１３８１２３４５６７８")]
    [InlineData("＋８６　１３８－１２３４－５６７８")]
    [InlineData("138—1234—5678")]
    public void Mobile_writings_normalize_to_eleven_digits(string input)
    {
        var result = PhoneNumber.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Null(result.Error);
        Assert.Equal(PhoneKind.Mobile, result.Kind);
        Assert.Equal("13812345678", result.Normalized);
    }

    [Theory]
    [InlineData("13012345678")]
    [InlineData("13912345678")]
    [InlineData("14512345678")]
    [InlineData("14712345678")]
    [InlineData("14912345678")]
    [InlineData("15012345678")]
    [InlineData("15312345678")]
    [InlineData("15512345678")]
    [InlineData("15912345678")]
    [InlineData("15653010587")]
    [InlineData("19612345678")]
    [InlineData("16212345678")]
    [InlineData("16512345678")]
    [InlineData("16612345678")]
    [InlineData("16712345678")]
    [InlineData("17012345678")]
    [InlineData("17812345678")]
    [InlineData("18012345678")]
    [InlineData("18912345678")]
    [InlineData("19012345678")]
    [InlineData("19312345678")]
    [InlineData("19512345678")]
    [InlineData("19912345678")]
    public void Every_listed_mobile_segment_is_accepted(string input)
    {
        var result = PhoneNumber.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(input, result.Normalized);
    }

    [Theory]
    [InlineData("10012345678", "100")]
    [InlineData("11012345678", "110")]
    [InlineData("12012345678", "120")]
    [InlineData("14012345678", "140")]
    [InlineData("14412345678", "144")]
    [InlineData("15412345678", "154")]
    [InlineData("16012345678", "160")]
    [InlineData("16112345678", "161")]
    [InlineData("16312345678", "163")]
    [InlineData("16412345678", "164")]
    [InlineData("16812345678", "168")]
    [InlineData("16912345678", "169")]
    [InlineData("17912345678", "179")]
    [InlineData("19412345678", "194")]
    public void Unassigned_mobile_segments_are_rejected(string input, string segment)
    {
        var result = PhoneNumber.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal(PhoneKind.Unknown, result.Kind);
        Assert.Null(result.Normalized);
        Assert.Equal($"手机号号段无效：{segment} 不是大陆手机号段", result.Error);
    }

    [Theory]
    [InlineData("1381234567", 10)]
    [InlineData("138123456789", 12)]
    [InlineData("138 1234 567", 10)]
    [InlineData("+86 138 1234 567", 10)]
    [InlineData("1", 1)]
    public void Mobiles_of_the_wrong_length_are_rejected(string input, int length)
    {
        var result = PhoneNumber.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal($"手机号应为 11 位数字，实际为 {length} 位", result.Error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\u3000")]
    public void Empty_input_is_rejected(string? input)
    {
        var result = PhoneNumber.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal("电话号码不能为空", result.Error);
    }

    [Theory]
    [InlineData("138a1234b5678", "a")]
    [InlineData("138.1234.5678", ".")]
    [InlineData("138/12345678", "/")]
    [InlineData("138+12345678", "+")]
    [InlineData("电话13812345678", "电")]
    public void Illegal_characters_are_named(string input, string character)
    {
        var result = PhoneNumber.Parse(input);

        Assert.False(result.IsValid);
        Assert.Equal($"电话号码含有非法字符：“{character}”", result.Error);
    }

    [Theory]
    [InlineData("---")]
    [InlineData("( )")]
    public void Separators_without_digits_are_rejected(string input)
    {
        Assert.Equal("电话号码中没有数字", PhoneNumber.Parse(input).Error);
    }

    [Fact]
    public void Foreign_country_codes_are_rejected()
    {
        Assert.Equal("仅支持中国大陆号码（+86）", PhoneNumber.Parse("+1 415 555 0100").Error);
    }

    [Theory]
    [InlineData("0571-87654321", "0571-87654321")]
    [InlineData("057187654321", "0571-87654321")]
    [InlineData("0571 87654321", "0571-87654321")]
    [InlineData("0571 8765 4321", "0571-87654321")]
    [InlineData("(0571)87654321", "0571-87654321")]
    [InlineData("(0571) 87654321", "0571-87654321")]
    [InlineData("（0571）87654321", "0571-87654321")]
    [InlineData("０５７１－８７６５４３２１", "0571-87654321")]
    [InlineData("0571—87654321", "0571-87654321")]
    [InlineData("010-62345678", "010-62345678")]
    [InlineData("01062345678", "010-62345678")]
    [InlineData("(010)62345678", "010-62345678")]
    [InlineData("021-51234567", "021-51234567")]
    [InlineData("02151234567", "021-51234567")]
    [InlineData("027-8765432", "027-8765432")]
    [InlineData("0311-86123456", "0311-86123456")]
    [InlineData("031186123456", "0311-86123456")]
    [InlineData("0311-8612345", "0311-8612345")]
    [InlineData("0351 7654321", "0351-7654321")]
    [InlineData("(010)6234-5678", "010-62345678")]
    [InlineData("0571 - 8765 - 4321", "0571-87654321")]
    [InlineData("05718765432", "0571-8765432")]
    [InlineData("0310-3123456", "0310-3123456")]
    [InlineData("+86 571 87654321", "0571-87654321")]
    [InlineData("+86-10-62345678", "010-62345678")]
    [InlineData("0086-571-87654321", "0571-87654321")]
    [InlineData("+86 (0571) 87654321", "0571-87654321")]
    public void Landline_writings_normalize_to_area_dash_local(string input, string expected)
    {
        var result = PhoneNumber.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(PhoneKind.Landline, result.Kind);
        Assert.Equal(expected, result.Normalized);
    }

    [Theory]
    [InlineData("0571-87654321转123", "0571-87654321-123")]
    [InlineData("0571-87654321 转 123", "0571-87654321-123")]
    [InlineData("0571-87654321-123", "0571-87654321-123")]
    [InlineData("0571 87654321 8001", "0571-87654321-8001")]
    [InlineData("(0571)87654321-8", "0571-87654321-8")]
    [InlineData("0571-87654321 ext 8001", "0571-87654321-8001")]
    [InlineData("0571-87654321 EXT.8001", "0571-87654321-8001")]
    [InlineData("0571-87654321ext:8001", "0571-87654321-8001")]
    [InlineData("0571-87654321分机12", "0571-87654321-12")]
    [InlineData("057187654321转123", "0571-87654321-123")]
    [InlineData("057187654321-123", "0571-87654321-123")]
    [InlineData("0311-8612345-666666", "0311-8612345-666666")]
    [InlineData("010-62345678转0", "010-62345678-0")]
    public void Landline_extensions_are_kept(string input, string expected)
    {
        var result = PhoneNumber.Parse(input);

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(PhoneKind.Landline, result.Kind);
        Assert.Equal(expected, result.Normalized);
    }

    [Theory]
    [InlineData("0571-07654321", "固定电话号码（不含区号）不能以 0 或 1 开头")]
    [InlineData("0571-17654321", "固定电话号码（不含区号）不能以 0 或 1 开头")]
    [InlineData("010-12345678", "固定电话号码（不含区号）不能以 0 或 1 开头")]
    [InlineData("0571-876543", "固定电话号码应为 7 至 8 位数字（不含区号），实际为 6 位")]
    [InlineData("0571-876543210", "固定电话号码应为 7 至 8 位数字（不含区号），实际为 9 位")]
    [InlineData("0571-87654321-1234567", "固定电话号码应为 7 至 8 位数字（不含区号），实际为 15 位")]
    [InlineData("0571", "固定电话号码不完整：缺少区号后的号码")]
    [InlineData("011-62345678", "区号无效：011（应为 010、02X 或 4 位区号）")]
    [InlineData("057-87654321", "区号无效：057（应为 010、02X 或 4 位区号）")]
    [InlineData("0105-6234567", "区号无效：0105（应为 010、02X 或 4 位区号）")]
    [InlineData("0271-8765432", "区号无效：0271（应为 010、02X 或 4 位区号）")]
    [InlineData("0071-8765432", "区号无效：0071（应为 010、02X 或 4 位区号）")]
    [InlineData("87654321", "固定电话缺少区号，请按“0571-87654321”格式填写")]
    [InlineData("7654321", "固定电话缺少区号，请按“0571-87654321”格式填写")]
    [InlineData("400-810-8888", "无法识别的电话号码：手机号应以 1 开头，固定电话应以区号 0 开头")]
    [InlineData("95110", "无法识别的电话号码：手机号应以 1 开头，固定电话应以区号 0 开头")]
    [InlineData("5551234567", "无法识别的电话号码：手机号应以 1 开头，固定电话应以区号 0 开头")]
    [InlineData("0571-87654321转", "分机号应为 1 至 6 位数字")]
    [InlineData("0571-87654321转1234567", "分机号应为 1 至 6 位数字")]
    [InlineData("0571-87654321转12a", "分机号应为 1 至 6 位数字")]
    [InlineData("13812345678转123", "手机号不能带分机号")]
    public void Invalid_landlines_explain_why(string input, string error)
    {
        var result = PhoneNumber.Parse(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Normalized);
        Assert.Equal(error, result.Error);
    }

    [Theory]
    [InlineData("13812345678", "138****5678")]
    [InlineData("+86 138 1234 5678", "138****5678")]
    [InlineData("19912345678", "199****5678")]
    [InlineData("0571-87654321", "0571-******21")]
    [InlineData("(0571)87654321", "0571-******21")]
    [InlineData("010-62345678", "010-******78")]
    [InlineData("0311-8612345", "0311-*****45")]
    [InlineData("0571-87654321-123", "0571-******21-123")]
    [InlineData("12345", "*****")]
    [InlineData("", "")]
    public void Mask_hides_the_middle(string input, string expected)
    {
        Assert.Equal(expected, PhoneNumber.Mask(input));
    }

    [Fact]
    public void Normalized_numbers_parse_to_themselves()
    {
        foreach (var n in new[] { "13812345678", "0571-87654321", "010-62345678", "0571-87654321-123", "0311-8612345" })
        {
            Assert.Equal(n, PhoneNumber.Parse(n).Normalized);
        }
    }

    [Fact]
    public void Random_text_never_throws()
    {
        const string pool = "0123456789+-() 转分机ext８６（）—x";
        var random = new Random(20240601);
        for (var n = 0; n < 3000; n++)
        {
            var chars = new char[random.Next(0, 20)];
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = pool[random.Next(pool.Length)];
            }

            var input = new string(chars);
            var result = PhoneNumber.Parse(input);
            Assert.True(result.IsValid ^ (result.Error is not null));
            _ = PhoneNumber.Mask(input);
        }
    }
}
