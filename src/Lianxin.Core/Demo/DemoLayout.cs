namespace Lianxin.Core.Demo;

/// <summary>The shape of the fictional county: which station covers which town, and which police
/// district covers which communities and villages. Place names are invented but typical of the
/// Taihang foothills; the area lies around 38.2–38.4 N, 113.9–114.2 E.</summary>
internal static class DemoLayout
{
    public sealed record District(string Name, string[] Communities, string[] Villages);

    public sealed record Station(
        string Name,
        string Town,
        double South,
        double West,
        double North,
        double East,
        int Columns,
        District[] Districts,
        string[] PartnerOrganizations
    );

    public const string BureauName = "平山县公安局";
    public const string County = "平山县";

    public static readonly Station[] Stations =
    [
        new(
            "西柏坡派出所",
            "西柏坡镇",
            38.22,
            113.90,
            38.39,
            114.05,
            6,
            [
                new("西柏坡中心警务室", ["柏坡社区"], ["李家庄村", "东峪村", "西峪村", "北庄村", "南沟村", "柏坡村", "梁家沟村"]),
                new("东峪警务区", [], ["王家坪村", "石门村", "河东村", "河西村", "张家峪村", "马家庄村", "沙岭村"]),
                new("滨湖警务区", ["滨湖社区", "红旗社区", "新华社区"], ["上庄村", "下庄村", "杨家湾村", "黄泥岗村", "槐树坪村", "枣园村"]),
            ],
            [
                "西柏坡镇司法所",
                "平山县人民法院西柏坡人民法庭",
                "河北柏坡律师事务所",
                "西柏坡镇人民政府",
                "滨湖物业服务有限公司",
                "西柏坡镇综合行政执法队",
                "平山县心理咨询师协会",
                "西柏坡镇乡贤理事会",
            ]
        ),
        new(
            "岗南派出所",
            "岗南镇",
            38.22,
            114.07,
            38.39,
            114.19,
            4,
            [
                new("岗南中心警务室", ["湖光社区"], ["岗南村", "黄家坪村", "孟家庄村", "刘家沟村", "石板村"]),
                new("黄家坪警务区", [], ["后沟村", "前沟村", "赵家庄村", "陈家峪村", "桃园村"]),
            ],
            [
                "岗南镇司法所",
                "平山县人民法院岗南人民法庭",
                "河北湖畔律师事务所",
                "岗南镇人民政府",
                "岗南镇综合行政执法队",
                "岗南镇乡贤理事会",
            ]
        ),
    ];
}
