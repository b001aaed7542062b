using System.Globalization;
using Lianxin.Core.Common;
using Lianxin.Core.Incidents;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Demo;

/// <summary>110 incidents for the demo county over the two years before a given day. Most happen at
/// residents' addresses (so the address places them) with the resident as caller; some at roads and
/// crossings that no register knows (they wait in the placement queue). A few households call again and
/// again within weeks (the repeated incidents the analysis should find). The evening hours are busiest,
/// and the later year has fewer incidents than the earlier one, as the stations report. The same seed and
/// end day always give the same incidents.</summary>
public static class DemoIncidents
{
    public const int DefaultCount = 20_000;

    // Leaf codes (or a top level with no children) with weights, and summaries; "{0}" is the address.
    private static readonly (string Code, int Weight, bool Preventable, string[] Summaries)[] Kinds =
    [
        ("dispute.neighbour.livestock", 60, false, ["{0}报警称邻居家鸡鸭啃食菜地，双方发生争吵", "{0}报警称邻居家狗咬伤鸡鸭"]),
        ("dispute.neighbour.boundary", 50, false, ["{0}报警称邻居翻建院墙占用自家地界", "{0}两户因排水沟发生争执"]),
        ("dispute.family.domestic", 40, false, ["{0}报警称家中发生争吵，有推搡", "{0}报警称丈夫酒后砸东西"]),
        ("dispute.labour.wages", 25, false, ["{0}务工人员报警称工资被拖欠", "{0}报警称包工头失联未结工钱"]),
        ("public-order.noise", 45, false, ["{0}报警称邻居深夜装修噪音扰民", "{0}报警称广场舞音响声音过大"]),
        ("public-order.fight.drunk", 35, true, ["{0}报警称有人酒后滋事", "{0}烧烤店门口有人酒后打架"]),
        ("criminal.theft.ebike", 40, true, ["{0}报警称电动车被盗", "{0}报警称电动车电瓶被盗"]),
        ("criminal.theft.home", 15, true, ["{0}报警称家中被盗，现金丢失", "{0}报警称门锁被撬"]),
        ("fraud.online.order", 25, true, ["{0}报警称刷单被骗，损失数千元", "{0}报警称网上兼职刷单被骗"]),
        ("fraud.online.impersonation", 12, true, ["{0}报警称接到冒充公安电话，被骗转账"]),
        ("traffic.accident.minor", 55, false, ["{0}附近两车剐蹭，双方协商不成", "{0}电动车与三轮车相撞，无人受伤"]),
        ("help.person.elderly", 18, false, ["{0}报警称家中老人外出未归", "{0}报警称患阿尔茨海默症的父亲走失"]),
        ("gambling.gathering", 8, true, ["{0}群众举报有人聚众赌博"]),
        ("mining.illegal", 4, true, ["{0}群众举报河道有人夜间非法采砂"]),
        ("fire", 10, true, ["{0}报警称柴草垛起火", "{0}报警称电动车充电起火"]),
        ("help", 30, false, ["{0}报警求助，车辆钥匙锁在车内", "{0}报警称有人落水"]),
        ("other", 20, false, ["{0}报警称有人乱停车堵门", "{0}报警咨询户籍事宜"]),
    ];

    // Relative calls per hour of day (China time): quiet at night, busiest in the evening.
    private static readonly int[] HourWeights = [3, 2, 1, 1, 1, 1, 2, 4, 6, 7, 7, 7, 7, 6, 6, 7, 8, 9, 11, 12, 12, 10, 7, 5];

    private static readonly string[] Crossings = ["国道与乡道交叉口", "镇中心十字路口", "高速出口附近", "河道桥头", "集市东口"];

    public static List<Incident> Build(
        DemoCountyData county,
        PersonalDataProtector protector,
        int count,
        DateTimeOffset until,
        int seed = DemoCounty.DefaultSeed
    )
    {
        ArgumentNullException.ThrowIfNull(county);
        ArgumentNullException.ThrowIfNull(protector);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count == 0 || county.Residents.Count == 0)
            return [];
        var rng = new Random(unchecked(seed * 41 + 110));
        var ids = new DemoIds(unchecked(seed + 0x0110));
        var units = county.Units.ToDictionary(u => u.Id);
        var towns = county
            .Units.Where(u => u.Kind is OrgUnitKind.Village or OrgUnitKind.Community)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        var hourTotal = HourWeights.Sum();
        var kindTotal = Kinds.Sum(k => k.Weight);
        var end = until.ToUniversalTime();
        var china = ChinaTime.Offset;

        // Days over two years, the earlier year weighted heavier (incidents fall about a fifth year on year).
        var times = new List<DateTimeOffset>(count);
        for (var i = 0; i < count; i++)
        {
            var daysBack = rng.NextDouble() < 0.55 ? 365 + rng.Next(365) : rng.Next(365);
            var day = end.ToOffset(china).Date.AddDays(-daysBack);
            var hour = PickIndex(rng, HourWeights, hourTotal);
            var local = new DateTimeOffset(day.AddHours(hour).AddMinutes(rng.Next(60)).AddSeconds(rng.Next(60)), china);
            if (local > end)
                local = end.AddMinutes(-rng.Next(1, 600)).ToOffset(china);
            times.Add(local.ToUniversalTime());
        }
        times.Sort();

        var incidents = new List<Incident>(count);
        var perDay = new Dictionary<DateOnly, int>();
        // Households that call again: the incidents after the first are repeats of it.
        var repeatCallers = new List<(Resident Who, string Phone, string Code, Incident First, int Left)>();
        foreach (var at in times)
        {
            Incident incident;
            // The number runs per China day in received order; it is known before the incident is made.
            var chinaDay = DateOnly.FromDateTime(at.ToOffset(china).DateTime);
            perDay[chinaDay] = perDay.GetValueOrDefault(chinaDay) + 1;
            var number = $"J{chinaDay:yyyyMMdd}{perDay[chinaDay]:D5}";
            var repeatIndex = repeatCallers.FindIndex(r => r.Left > 0 && at - r.First.ReceivedAt < TimeSpan.FromDays(25));
            if (repeatIndex >= 0 && rng.NextDouble() < 0.35)
            {
                var r = repeatCallers[repeatIndex];
                incident = New(
                    rng,
                    ids,
                    number,
                    at,
                    r.Code,
                    r.Who.Address!,
                    r.Who.AddressKey,
                    r.Who.Name,
                    r.Phone,
                    protector,
                    Kinds.First(k => k.Code == r.Code),
                    StationOf(units[r.Who.OrgUnitId], units).Id
                );
                incident.Place(r.Who.OrgUnitId, PlacementMethod.Address);
                incident.MarkRepeatOf(r.First.Id);
                repeatCallers[repeatIndex] = r with { Left = r.Left - 1 };
            }
            else
            {
                var kind = Kinds[PickIndex(rng, Kinds.Select(k => k.Weight).ToArray(), kindTotal)];
                if (rng.NextDouble() < 0.05)
                {
                    // A road or crossing: no register knows it, so it waits to be placed by hand.
                    var town = towns[rng.Next(towns.Count)];
                    var address = $"{town.Name}{Crossings[rng.Next(Crossings.Length)]}";
                    incident = New(
                        rng,
                        ids,
                        number,
                        at,
                        kind.Code,
                        address,
                        AddressNormalizer.Default.Normalize(address),
                        DemoNames.Surname(rng) + "先生",
                        DemoNames.Mobile(rng),
                        protector,
                        kind,
                        StationOf(town, units).Id
                    );
                }
                else
                {
                    var who = county.Residents[rng.Next(county.Residents.Count)];
                    var phone = DemoNames.Mobile(rng);
                    incident = New(
                        rng,
                        ids,
                        number,
                        at,
                        kind.Code,
                        who.Address ?? "",
                        who.AddressKey,
                        who.Name,
                        phone,
                        protector,
                        kind,
                        StationOf(units[who.OrgUnitId], units).Id
                    );
                    incident.Place(who.OrgUnitId, PlacementMethod.Address);
                    if (kind.Code.StartsWith("dispute.", StringComparison.Ordinal) || kind.Code == "public-order.noise")
                    {
                        if (rng.NextDouble() < 0.12)
                            repeatCallers.Add((who, phone, kind.Code, incident, rng.Next(1, 4)));
                    }
                }
                if (rng.NextDouble() < 0.03)
                    incident.Judge(IncidentValidity.Invalid);
            }
            incidents.Add(incident);
            repeatCallers.RemoveAll(r => r.Left == 0 || at - r.First.ReceivedAt >= TimeSpan.FromDays(25));
        }
        return incidents;
    }

    private static Incident New(
        Random rng,
        DemoIds ids,
        string number,
        DateTimeOffset at,
        string code,
        string address,
        string? addressKey,
        string callerName,
        string phone,
        PersonalDataProtector protector,
        (string Code, int Weight, bool Preventable, string[] Summaries) kind,
        Guid station
    )
    {
        var levels = code.Split('.');
        var summary = string.Format(CultureInfo.InvariantCulture, kind.Summaries[rng.Next(kind.Summaries.Length)], address);
        return Incident.Receive(
            new IncidentReport
            {
                Id = ids.Next(),
                Number = number,
                ReceivedAt = at,
                CategoryCode = levels[0],
                TypeCode = levels.Length > 1 ? $"{levels[0]}.{levels[1]}" : null,
                SubtypeCode = levels.Length > 2 ? code : null,
                CallerName = protector.Protect(callerName, PersonName.Mask),
                CallerPhone = protector.Protect(phone, PhoneNumber.Mask),
                Address = Trim(address, TextLimits.Address),
                AddressKey = addressKey is null ? null : Trim(addressKey, TextLimits.Address),
                Summary = Trim(summary, TextLimits.Text),
                Disposition = rng.NextDouble() < 0.8 ? "民警到场处置，已调解/处理完毕" : "已移交相关部门",
                Preventable = kind.Preventable && rng.NextDouble() < 0.7,
                HandlingUnitId = station,
                Source = IncidentSource.Api,
            }
        );
    }

    private static OrgUnit StationOf(OrgUnit unit, Dictionary<Guid, OrgUnit> units)
    {
        var u = unit;
        while (u.Kind != OrgUnitKind.Station && u.ParentId is { } p && units.TryGetValue(p, out var parent))
            u = parent;
        return u;
    }

    private static int PickIndex(Random rng, int[] weights, int total)
    {
        var n = rng.Next(total);
        for (var i = 0; i < weights.Length; i++)
        {
            if (n < weights[i])
                return i;
            n -= weights[i];
        }
        return weights.Length - 1;
    }

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}
