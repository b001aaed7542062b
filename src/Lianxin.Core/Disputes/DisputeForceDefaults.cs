using Lianxin.Core.Organization;

namespace Lianxin.Core.Disputes;

/// <summary>The forces to invite for each seeded dispute category, from the stations' own practice
/// ("1+8+N": village cadres, judicial office, court, lawyers, property managers, …). A station edits
/// them on its settings page; until then these apply.</summary>
public static class DisputeForceDefaults
{
    private static (string Name, MemberKind? Kind, string? Keyword) F(string name, MemberKind? kind = null, string? keyword = null) =>
        (name, kind, keyword);

    public static readonly IReadOnlyDictionary<string, IReadOnlyList<(string Name, MemberKind? Kind, string? Keyword)>> ByCategory =
        new Dictionary<string, IReadOnlyList<(string, MemberKind?, string?)>>
        {
            ["neighbour"] =
            [
                F("治保会", MemberKind.SecurityDirector),
                F("百户长", MemberKind.HouseholdHead),
                F("网格员", MemberKind.GridWorker),
            ],
            ["family"] =
            [
                F("妇联", MemberKind.Partner, "妇联"),
                F("心理咨询师", MemberKind.Partner, "心理"),
                F("五老乡贤", MemberKind.Partner, "乡贤"),
            ],
            ["land"] =
            [
                F("村干部", MemberKind.Partner, "村"),
                F("司法所", MemberKind.Partner, "司法所"),
                F("治保主任", MemberKind.SecurityDirector),
            ],
            ["homestead"] =
            [
                F("村干部", MemberKind.Partner, "村"),
                F("司法所", MemberKind.Partner, "司法所"),
                F("治保主任", MemberKind.SecurityDirector),
            ],
            ["compensation"] =
            [
                F("镇村干部", MemberKind.Partner, "镇"),
                F("司法所", MemberKind.Partner, "司法所"),
                F("律师", MemberKind.Partner, "律师"),
            ],
            ["labour"] = [F("劳动监察", MemberKind.Partner, "劳动"), F("律师", MemberKind.Partner, "律师")],
            ["debt"] =
            [
                F("人民调解员", MemberKind.Mediator),
                F("律师", MemberKind.Partner, "律师"),
                F("法院（诉前调解）", MemberKind.Partner, "法院"),
            ],
            ["property"] = [F("物业公司", MemberKind.Partner, "物业"), F("律师", MemberKind.Partner, "律师")],
            ["traffic"] =
            [
                F("交警", MemberKind.Partner, "交警"),
                F("人民调解员", MemberKind.Mediator),
                F("保险公司", MemberKind.Partner, "保险"),
            ],
            ["consumer"] = [F("市场监管", MemberKind.Partner, "市场监管"), F("人民调解员", MemberKind.Mediator)],
            ["construction"] =
            [
                F("住建部门", MemberKind.Partner, "住建"),
                F("劳动监察", MemberKind.Partner, "劳动"),
                F("律师", MemberKind.Partner, "律师"),
            ],
            ["other"] = [F("人民调解员", MemberKind.Mediator), F("社区民警", MemberKind.Officer)],
        };

    public static IReadOnlyList<SuggestedForce> For(string categoryCode) =>
        ByCategory.TryGetValue(categoryCode, out var forces)
            ? forces.Select((f, i) => SuggestedForce.Create(f.Name, f.Kind, f.Keyword, i)).ToList()
            : [];
}
