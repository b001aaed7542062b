using Lianxin.Core.Common;

namespace Lianxin.Tests.Common;

public class AddressNormalizerTests
{
    private static readonly AddressNormalizer Pingshan = new(["河北省", "石家庄市", "平山县", "西柏坡镇"]);

    [Theory]
    [InlineData("河北省石家庄市平山县西柏坡镇梁家沟村三组", "梁家沟村3组")]
    [InlineData("平山县西柏坡镇梁家沟村第三组", "梁家沟村3组")]
    [InlineData("石家庄平山县西柏坡镇梁家沟村3组", "梁家沟村3组")]
    [InlineData("河北石家庄平山西柏坡梁家沟村3组", "梁家沟村3组")]
    [InlineData("河北省平山县梁家沟村3组", "梁家沟村3组")]
    [InlineData("西柏坡镇梁家沟村３组", "梁家沟村3组")]
    [InlineData("河北省 石家庄市 平山县 西柏坡镇 南庄村 2组 8号", "南庄村2组8号")]
    [InlineData("西柏坡镇北庄村十二号", "北庄村12号")]
    [InlineData("西柏坡镇北庄村十三组二十一号", "北庄村13组21号")]
    [InlineData("石家庄市平山县西柏坡镇岗南村二组", "岗南村2组")]
    [InlineData("平山县西柏坡镇中古月村一组十五号", "中古月村1组15号")]
    [InlineData("西柏坡镇东沟村一百零五号", "东沟村105号")]
    [InlineData("西柏坡镇柏坡小区3号楼2单元301户", "柏坡3栋2单元301室")]
    [InlineData("平山县五里村三组", "五里村3组")]
    [InlineData("平山县城关镇三里铺村五组", "城关镇三里铺村5组")]
    [InlineData("石家庄平山县千佛寺村一组", "千佛寺村1组")]
    [InlineData("西柏坡镇西柏坡村四组", "西柏坡村4组")]
    [InlineData("西柏坡村四组", "西柏坡村4组")]
    [InlineData("平山村3组", "平山村3组")]
    [InlineData("平山县平山镇东街村5组", "东街村5组")]
    [InlineData("平山县温塘镇温塘村第六村民小组", "温塘村6组")]
    [InlineData("河北省石家庄市", "石家庄市")]
    [InlineData("西柏坡镇", "西柏坡镇")]
    [InlineData("石家庄市长安区中山东路12号", "中山东路12号")]
    [InlineData("西柏坡镇平山县梁家沟村", "平山县梁家沟村")]
    [InlineData("湖北省武汉市洪山区", "洪山区")]
    public void Pingshan_station_keys(string input, string expected)
    {
        Assert.Equal(expected, Pingshan.Normalize(input));
    }

    [Theory]
    [InlineData("湖北省武汉市洪山区珞喻路1037号", "珞喻路1037号")]
    [InlineData("武汉市江汉区新华路三十二号院5栋2单元302室", "新华路32号5栋2单元302室")]
    [InlineData("太原市小店区学府街 ５号楼 ３单元 ６０１", "学府街5栋3单元601室")]
    [InlineData("阳光花园A幢1单元101", "阳光花园a栋1单元101室")]
    [InlineData("幸福小区二十一栋三单元五〇二室", "幸福21栋3单元502室")]
    [InlineData("幸福小区第二十一栋第三单元502室", "幸福21栋3单元502室")]
    [InlineData("幸福小区21#楼3单元502", "幸福21栋3单元502室")]
    [InlineData("幸福小区２１＃楼", "幸福21栋")]
    [InlineData("三里屯路十号", "三里屯路10号")]
    [InlineData("东二区三号楼", "东二区3栋")]
    [InlineData("东区3号楼", "东区3栋")]
    [InlineData("五里村八组", "五里村8组")]
    [InlineData("张家村第十一村民小组", "张家村11组")]
    [InlineData("张村十一小组", "张村11组")]
    [InlineData("红旗社区两栋一单元", "红旗社区2栋1单元")]
    [InlineData("建设路一千零一号", "建设路1001号")]
    [InlineData("建设路一百零五号", "建设路105号")]
    [InlineData("建设路二十号", "建设路20号")]
    [InlineData("建设路十号", "建设路10号")]
    [InlineData("文化路一百一十号", "文化路110号")]
    [InlineData("文化路一百一号", "文化路110号")]
    [InlineData("十堰市张湾区车城路十号", "车城路10号")]
    [InlineData("五百户村三组", "五百户村3组")]
    [InlineData("和平里小区5楼", "和平里5楼")]
    [InlineData("和平里小区五楼", "和平里5楼")]
    [InlineData("和平里小区5层", "和平里5层")]
    [InlineData("锦绣家园（二期）3-2-301", "锦绣家园2期3-2-301")]
    [InlineData("锦绣家园 3 - 2 - 301", "锦绣家园3-2-301")]
    [InlineData("锦绣家园3—2—301", "锦绣家园3-2-301")]
    [InlineData("ＡＢＣ大厦１２０１室", "abc大厦1201室")]
    [InlineData("七一社区", "七一社区")]
    [InlineData("八一路12号", "八一路12号")]
    [InlineData("一号院", "1号")]
    [InlineData("十二号院三号楼", "12号3栋")]
    [InlineData("前进街道办事处、友谊社区；3栋", "友谊社区3栋")]
    [InlineData("“光明”小区【南门】", "光明小区南门")]
    [InlineData("《胜利》路—12号", "胜利路12号")]
    [InlineData("胜利路12号·东门", "胜利路12号东门")]
    [InlineData("新华里小区十号楼三单元二〇一", "新华里10栋3单元201室")]
    [InlineData("3栋2单元六〇一", "3栋2单元601室")]
    [InlineData("幸福里三号", "幸福里3号")]
    [InlineData("万达广场C座一二〇三", "万达广场c座1203")]
    [InlineData("平山县城关镇三里铺村五组", "城关镇三里铺村5组")]
    [InlineData("三门峡市湖滨区", "湖滨区")]
    [InlineData("文化路一号院东区三号楼", "文化路1号东区3栋")]
    [InlineData("二十号楼二楼", "20栋2楼")]
    [InlineData("滨江苑小区十幢甲单元", "滨江苑10栋甲单元")]
    [InlineData("第一人民医院", "第一人民医院")]
    [InlineData("太原市迎泽区柳巷三号", "柳巷3号")]
    [InlineData("东风路三巷", "东风路3巷")]
    [InlineData("石库门弄堂七弄", "石库门弄堂7弄")]
    [InlineData("红星村第五生产队", "红星村第五生产队")]
    [InlineData("红星村五队", "红星村5队")]
    [InlineData("红星大队三队", "红星大队3队")]
    [InlineData("王庄村三排十号", "王庄村3排10号")]
    [InlineData("阳光小区1幢", "阳光1栋")]
    [InlineData("丽都花园3号楼3003户", "丽都花园3栋3003室")]
    [InlineData("城南 新村 一组 ０３号", "城南新村1组03号")]
    [InlineData("幸福村两委", "幸福村两委")]
    [InlineData("长江二桥", "长江二桥")]
    [InlineData("二十一世纪花园", "二十一世纪花园")]
    [InlineData("人民路十十号", "人民路十十号")]
    [InlineData("人民路\u200B12号", "人民路12号")]
    [InlineData("\U00020000村三组", "\U00020000村3组")]
    [InlineData("迎泽大街 ~ 100 号", "迎泽大街100号")]
    [InlineData("第3组", "3组")]
    [InlineData("第3", "第3")]
    [InlineData("X栋", "x栋")]
    [InlineData("#301", "301")]
    [InlineData("零号楼", "0栋")]
    [InlineData("三〇一室", "301室")]
    [InlineData("两千五号", "2500号")]
    public void Default_keys(string input, string expected)
    {
        Assert.Equal(expected, AddressNormalizer.Default.Normalize(input));
    }

    [Fact]
    public void The_stored_key_never_outgrows_its_column_and_an_address_without_one_stores_none_or_the_empty_key()
    {
        // Longer than the key column (an address is checked against its own limit; the key is cut to its column's).
        var address = string.Concat(Enumerable.Repeat("和平里", 100));
        Assert.True(AddressNormalizer.Default.Normalize(address).Length > TextLimits.Address);
        Assert.Equal(TextLimits.Address, AddressNormalizer.Default.Key(address)!.Length);
        Assert.Equal(AddressNormalizer.Default.Key(address), AddressNormalizer.Default.KeyOrEmpty(address));
        Assert.StartsWith(AddressNormalizer.Default.Key(address)!, AddressNormalizer.Default.Normalize(address), StringComparison.Ordinal);

        Assert.Null(AddressNormalizer.Default.Key(null));
        Assert.Null(AddressNormalizer.Default.Key("   "));
        Assert.Null(AddressNormalizer.Default.KeyOrEmpty(null));
        Assert.Equal("", AddressNormalizer.Default.KeyOrEmpty("   "));
        Assert.Equal(
            AddressNormalizer.Default.Normalize("东港豪庭3号楼2单元501"),
            AddressNormalizer.Default.Key("东港豪庭三号楼二单元501室")
        );
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u3000\t\n")]
    public void Blank_input_gives_an_empty_key(string? input)
    {
        Assert.Equal(string.Empty, AddressNormalizer.Default.Normalize(input));
        Assert.Equal(string.Empty, Pingshan.Normalize(input));
    }

    [Theory]
    [InlineData("平山县西柏坡镇梁家沟村第三组", "河北省石家庄市平山县西柏坡镇梁家沟村3组")]
    [InlineData("梁家沟村三组", "西柏坡镇梁家沟村（3组）")]
    [InlineData("石家庄 平山 梁家沟村 3 组", "梁家沟村第三村民小组")]
    [InlineData("新华路12号院3号楼2单元301户", "新华路十二号院三幢二单元三〇一室")]
    [InlineData("阳光小区５号楼", "阳光小区5幢")]
    [InlineData("阳光小区五栋", "阳光小区5号楼")]
    [InlineData("张家村第十一村民小组", "张家村11组")]
    [InlineData("锦绣家园 3-2-301", "锦绣家园3—2—301")]
    [InlineData("幸福小区21#楼", "幸福小区二十一号楼")]
    [InlineData("柏坡小区二单元201户", "柏坡小区第2单元201室")]
    [InlineData("武汉市洪山区珞喻路1037号", "武汉市 洪山区 珞喻路 一千零三十七号")]
    public void Different_writings_of_one_address_share_a_key(string a, string b)
    {
        Assert.Equal(Pingshan.Normalize(a), Pingshan.Normalize(b));
    }

    [Theory]
    [InlineData("张村3组", "张村13组")]
    [InlineData("张村三组", "张村十三组")]
    [InlineData("东区", "东二区")]
    [InlineData("东区3栋", "东二区3栋")]
    [InlineData("幸福小区1栋", "幸福小区11栋")]
    [InlineData("幸福小区一栋", "幸福小区十一栋")]
    [InlineData("张村3组", "张家村3组")]
    [InlineData("阳光小区3单元", "阳光小区3栋")]
    [InlineData("锦绣家园1-12", "锦绣家园11-2")]
    [InlineData("和平小区5楼", "和平小区5栋")]
    [InlineData("和平路3号", "和平路3号楼")]
    [InlineData("三里屯", "3里屯")]
    [InlineData("平山村3组", "村3组")]
    [InlineData("梁家沟村3组", "梁家沟村3组5号")]
    [InlineData("建设路105号", "建设路15号")]
    public void Different_addresses_keep_different_keys(string a, string b)
    {
        Assert.NotEqual(Pingshan.Normalize(a), Pingshan.Normalize(b));
    }

    [Theory]
    [InlineData("浙江省杭州市西湖区留下街道东岳村3组12号")]
    [InlineData("杭州西湖区东岳村三组12号")]
    [InlineData("杭州市西湖区留下街道办事处东岳村第三组十二号")]
    [InlineData("浙江西湖区东岳村3组12号")]
    [InlineData("浙江省留下街道东岳村3组12号")]
    [InlineData("留下街道东岳村3组12号")]
    [InlineData("湖南省衡阳市衡东县大浦镇东岳村3组12号")]
    [InlineData("衡阳衡东县东岳村3组12号")]
    [InlineData("广西壮族自治区南宁市青秀区东岳村3组12号")]
    [InlineData("广西南宁青秀区东岳村3组12号")]
    [InlineData("北京市朝阳区东岳村3组12号")]
    [InlineData("吉林省长春市朝阳区东岳村3组12号")]
    [InlineData("河北省石家庄市灵寿县东岳村3组12号")]
    [InlineData("石家庄灵寿县东岳村3组12号")]
    [InlineData("灵寿县东岳村3组12号")]
    public void Any_leading_chain_of_divisions_of_china_is_dropped(string written)
    {
        // Whatever the station: the national list, not the configured jurisdiction, names these.
        Assert.Equal("东岳村3组12号", AddressNormalizer.Default.Normalize(written));
        Assert.Equal("东岳村3组12号", Pingshan.Normalize(written));
    }

    [Theory]
    [InlineData("浙江省杭州市西湖新村3号", "西湖新村3号")]
    [InlineData("杭州西湖新村3号", "杭州西湖新村3号")]
    [InlineData("北京市昌平区西湖新村3号", "西湖新村3号")]
    [InlineData("长沙湾村3号", "长沙湾村3号")]
    [InlineData("浙江省长沙湾村3号", "长沙湾村3号")]
    [InlineData("杭州东岳村3组", "杭州东岳村3组")]
    [InlineData("浙江大学紫金港校区", "浙江大学紫金港校区")]
    [InlineData("中山市场3号", "中山市场3号")]
    [InlineData("东区3号楼", "东区3栋")]
    [InlineData("四川省攀枝花市东区3号楼", "东区3栋")]
    [InlineData("西湖区3号", "西湖区3号")]
    [InlineData("浙江省杭州市西湖区3号", "西湖区3号")]
    [InlineData("浙江省杭州市西湖区留下街道", "留下街道")]
    [InlineData("杭州市", "杭州市")]
    [InlineData("留下街道", "留下街道")]
    [InlineData("西湖区留下东岳村3组12号", "留下东岳村3组12号")]
    public void Short_names_never_close_a_chain_and_a_division_alone_is_kept(string written, string expected)
    {
        // 西湖新村 is a village in Beijing and Hunan whose name only begins like 西湖区 (Hangzhou); a short name must be
        // followed by a division inside it. 长沙 is no division of 浙江. An address that is only divisions, or
        // divisions and a number, keeps its last division.
        Assert.Equal(expected, AddressNormalizer.Default.Normalize(written));
    }

    [Fact]
    public void A_neighbouring_county_is_dropped_as_the_own_one_is()
    {
        Assert.Equal(Pingshan.Normalize("平山县梁家沟村3组"), Pingshan.Normalize("灵寿县梁家沟村3组"));
        Assert.Equal(Pingshan.Normalize("平山县梁家沟村3组"), Pingshan.Normalize("石家庄市灵寿县青同镇梁家沟村三组"));
        Assert.Equal(Pingshan.Normalize("东街村"), Pingshan.Normalize("平山镇东街村"));
    }

    [Fact]
    public void The_rules_version_is_raised_for_the_national_division_list()
    {
        Assert.True(AddressNormalizer.RulesVersion >= 3);
        Assert.Equal(AddressNormalizer.RulesVersion, AddressNormalizer.Default.KeyVersion);
    }

    [Fact]
    public void Prefixes_are_only_dropped_from_the_start()
    {
        Assert.Equal("梁家沟村平山县3组", Pingshan.Normalize("梁家沟村平山县3组"));
    }

    [Fact]
    public void Prefixes_may_be_written_in_fullwidth_or_with_spaces()
    {
        var normalizer = new AddressNormalizer([" 平山县 ", "", "西柏坡镇"]);

        Assert.Equal("梁家沟村3组", normalizer.Normalize("平山县西柏坡镇梁家沟村三组"));
    }

    [Fact]
    public void Street_office_prefix_can_be_written_without_jiedao()
    {
        var normalizer = new AddressNormalizer(["湖北省", "武汉市", "洪山区", "珞南街道"]);

        Assert.Equal("珞喻路1037号", normalizer.Normalize("武汉市洪山区珞南街道珞喻路1037号"));
        Assert.Equal("珞喻路1037号", normalizer.Normalize("洪山珞南珞喻路1037号"));
        Assert.Equal("珞南社区3栋", normalizer.Normalize("洪山区珞南社区三栋"));
    }

    [Fact]
    public void Single_character_stems_are_not_used_as_short_prefixes()
    {
        var normalizer = new AddressNormalizer(["沁县"]);

        Assert.Equal("沁州路3号", normalizer.Normalize("沁州路3号"));
        Assert.Equal("城关镇3号", normalizer.Normalize("沁县城关镇3号"));
    }

    [Fact]
    public void Keys_are_stable_when_normalized_again()
    {
        string[] inputs =
        [
            "河北省石家庄市平山县西柏坡镇梁家沟村三组",
            "武汉市江汉区新华路三十二号院5栋2单元302室",
            "锦绣家园（二期）3-2-301",
            "幸福小区21#楼3单元502",
            "张家村第十一村民小组",
        ];

        foreach (var input in inputs)
        {
            var key = Pingshan.Normalize(input);
            Assert.Equal(key, Pingshan.Normalize(key));
        }
    }

    [Fact]
    public void Random_text_never_throws()
    {
        const string pool =
            "第零〇一二两三四五六七八九十百千组号栋幢单元室户楼层巷弄队排期村小区省市县镇平山西柏坡0123456789-#（）、 \u3000ａＺ\uD840\uDC00\uD840";
        var random = new Random(20240601);
        for (var n = 0; n < 3000; n++)
        {
            var length = random.Next(0, 24);
            var chars = new char[length];
            for (var i = 0; i < length; i++)
            {
                chars[i] = pool[random.Next(pool.Length)];
            }

            var input = new string(chars);
            _ = AddressNormalizer.Default.Normalize(input);
            _ = Pingshan.Normalize(input);
        }
    }

    [Theory]
    [InlineData("十", "10")]
    [InlineData("十一", "11")]
    [InlineData("二十", "20")]
    [InlineData("二十一", "21")]
    [InlineData("一百零五", "105")]
    [InlineData("一千零一", "1001")]
    [InlineData("一千零一十", "1010")]
    [InlineData("九千九百九十九", "9999")]
    [InlineData("两", "2")]
    [InlineData("〇", "0")]
    [InlineData("三〇一", "301")]
    [InlineData("一百一", "110")]
    [InlineData("两千五", "2500")]
    [InlineData("十十", null)]
    [InlineData("百", null)]
    [InlineData("二二十", null)]
    [InlineData("零十", null)]
    [InlineData("三十零", null)]
    [InlineData("十百", null)]
    [InlineData("", null)]
    public void Chinese_numerals_parse(string numeral, string? expected)
    {
        Assert.Equal(expected, AddressNormalizer.ParseChineseNumber(numeral));
    }

    // The one flat the repeated-incident clusters must recognise however the caller's address was typed.
    [Theory]
    [InlineData("东港豪庭3号楼2单元501")]
    [InlineData("东港豪庭三号楼二单元501室")]
    [InlineData("东港豪庭小区3栋2单元501")]
    [InlineData("东港豪庭３号楼２单元５０１")]
    public void The_same_flat_written_four_ways_is_one_cluster_key(string written)
    {
        Assert.Equal(AddressNormalizer.Default.Normalize("东港豪庭3号楼2单元501"), AddressNormalizer.Default.Normalize(written));
        Assert.Equal(Pingshan.Normalize("东港豪庭3号楼2单元501"), Pingshan.Normalize(written));
    }

    [Theory]
    [InlineData("东港豪庭3号楼2单元502")]
    [InlineData("东港豪庭三号楼二单元502室")]
    [InlineData("东港豪庭小区3栋2单元502")]
    [InlineData("东港豪庭３号楼２单元５０２")]
    public void The_flat_next_door_is_another_key(string nextDoor)
    {
        Assert.NotEqual(AddressNormalizer.Default.Normalize("东港豪庭3号楼2单元501"), AddressNormalizer.Default.Normalize(nextDoor));
        Assert.NotEqual(Pingshan.Normalize("东港豪庭小区3栋2单元501室"), Pingshan.Normalize(nextDoor));
    }
}
