using Lianxin.Core.Common;

namespace Lianxin.Core.Demo;

/// <summary>Pools the demo draws names from. Surnames are weighted roughly as in northern China;
/// given names differ by generation, as they do in any village register.</summary>
internal static class DemoNames
{
    private static readonly (string Surname, int Weight)[] Surnames =
    [
        ("王", 72),
        ("李", 70),
        ("张", 68),
        ("刘", 55),
        ("赵", 32),
        ("杨", 30),
        ("陈", 30),
        ("郭", 18),
        ("孙", 17),
        ("高", 16),
        ("马", 14),
        ("周", 13),
        ("吴", 11),
        ("徐", 11),
        ("朱", 10),
        ("胡", 10),
        ("韩", 9),
        ("田", 9),
        ("梁", 8),
        ("宋", 8),
        ("郑", 7),
        ("董", 7),
        ("冯", 7),
        ("于", 7),
        ("贾", 7),
        ("曹", 6),
        ("吕", 6),
        ("孟", 6),
        ("杜", 6),
        ("崔", 6),
        ("魏", 5),
        ("许", 5),
        ("何", 5),
        ("康", 5),
        ("侯", 5),
        ("黄", 5),
        ("史", 4),
        ("牛", 4),
        ("白", 4),
        ("苏", 4),
        ("程", 4),
        ("霍", 3),
        ("齐", 3),
        ("阎", 3),
        ("丁", 3),
        ("薛", 3),
        ("耿", 3),
        ("边", 2),
        ("申", 2),
        ("谷", 2),
        ("段", 2),
        ("邢", 2),
        ("石", 2),
        ("范", 2),
        ("姚", 2),
        ("秦", 2),
    ];

    private static readonly int SurnameTotal = Surnames.Sum(s => s.Weight);

    private const string OldMaleFirst = "建国志振德永玉宝金福长春树海立占文明庆保";
    private const string OldMaleSecond = "国军华明强林山田生祥贵成平忠喜民才峰良义";
    private const string OldFemaleFirst = "秀桂玉淑凤素美丽春翠金兰月彩荣";
    private const string OldFemaleSecond = "英兰芳珍琴霞梅云华荣香花敏莲娥";
    private const string NewMaleFirst = "浩子宇俊鹏博明家志晨一天嘉思泽雨梓宏伟";
    private const string NewMaleSecond = "轩然宇涛博航杰辰睿阳磊鑫凯豪铭晨霖帆昊";
    private const string NewFemaleFirst = "欣梓雨诗思佳子梦晓静可一紫雅语若";
    private const string NewFemaleSecond = "怡涵萱琪婷妍然悦彤雪璐菲倩瑶娜琳";

    public const string Numerals = "一二三四五六七八九十";

    public static string Surname(Random rng)
    {
        var n = rng.Next(SurnameTotal);
        foreach (var (surname, weight) in Surnames)
        {
            if (n < weight)
                return surname;
            n -= weight;
        }
        return Surnames[0].Surname;
    }

    public static string GivenName(Random rng, Gender gender, int birthYear)
    {
        var old = birthYear < 1975;
        var (first, second) = (gender, old) switch
        {
            (Gender.Female, true) => (OldFemaleFirst, OldFemaleSecond),
            (Gender.Female, false) => (NewFemaleFirst, NewFemaleSecond),
            (_, true) => (OldMaleFirst, OldMaleSecond),
            _ => (NewMaleFirst, NewMaleSecond),
        };
        var last = second[rng.Next(second.Length)];
        if (rng.NextDouble() < (old ? 0.12 : 0.08))
            return last.ToString();
        var head = first[rng.Next(first.Length)];
        // Pools share some characters; a doubled one (博博) reads as a nickname, not a registered name.
        while (head == last)
            head = first[rng.Next(first.Length)];
        return string.Concat(head, last);
    }

    /// <summary>Mainland mobile prefixes of the three carriers.</summary>
    private static readonly string[] MobilePrefixes =
    [
        "130",
        "131",
        "132",
        "133",
        "134",
        "135",
        "136",
        "137",
        "138",
        "139",
        "150",
        "151",
        "152",
        "155",
        "156",
        "157",
        "158",
        "159",
        "166",
        "176",
        "177",
        "178",
        "180",
        "181",
        "182",
        "183",
        "185",
        "186",
        "187",
        "188",
        "189",
        "191",
        "195",
        "198",
        "199",
    ];

    public static string Mobile(Random rng) =>
        MobilePrefixes[rng.Next(MobilePrefixes.Length)]
        + rng.Next(0, 100_000_000).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Region codes of people registered elsewhere (Shijiazhuang districts, nearby cities,
    /// neighbouring provinces): the county's migrants.</summary>
    public static readonly string[] MigrantRegions = ["130102", "130105", "130602", "131102", "130503", "410102", "140105", "370102"];

    public const string HomeRegion = "130131";
}
