using Lianxin.Core.Common;

namespace Lianxin.Tests.Common;

public class DivisionNamesTests
{
    [Theory]
    [InlineData("330106", "浙江省 杭州市 西湖区")]
    [InlineData("130131", "河北省 石家庄市 平山县")]
    [InlineData("110105", "北京市 朝阳区")]
    [InlineData("220104", "吉林省 长春市 朝阳区")]
    [InlineData("429004", "湖北省 仙桃市")]
    [InlineData("441900", "广东省 东莞市")]
    [InlineData("330100", "浙江省 杭州市")]
    [InlineData("330000", "浙江省")]
    [InlineData("810000", "香港特别行政区")]
    public void Known_codes_give_their_names(string code, string expected)
    {
        Assert.Equal(expected, DivisionNames.Of(code));
    }

    [Theory]
    [InlineData("330199", "浙江省 杭州市 未知地区 330199")]
    [InlineData("130103", "河北省 石家庄市 未知地区 130103")]
    [InlineData("339999", "浙江省 未知地区 339999")]
    [InlineData("990101", "未知地区 990101")]
    [InlineData("12ab56", "未知地区 12ab56")]
    [InlineData("", "未知地区")]
    [InlineData(null, "未知地区")]
    public void Unknown_or_retired_codes_are_shown_as_unknown_and_never_refused(string? code, string expected)
    {
        Assert.Equal(expected, DivisionNames.Of(code));
    }

    [Fact]
    public void An_id_numbers_region_is_named_and_a_retired_one_is_still_a_valid_number()
    {
        // 330199 is in no list; a retired code (石家庄's 桥东区, 130103, merged in 2014) is shown the same way.
        var known = CitizenId.Parse("33010619900307" + "001" + CitizenId.ComputeCheckChar("33010619900307001"));
        Assert.True(known.IsValid);
        Assert.Equal("浙江省 杭州市 西湖区", CitizenId.RegionName(known.Normalized!));

        var first17 = "33019919900307001";
        var retired = CitizenId.Parse(first17 + CitizenId.ComputeCheckChar(first17), new DateOnly(2026, 1, 1));
        Assert.True(retired.IsValid);
        Assert.Equal("浙江省 杭州市 未知地区 330199", CitizenId.RegionName(retired.Normalized!));
    }
}
