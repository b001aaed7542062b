namespace Lianxin.Core.Disputes;

/// <summary>Points per factor, caps and grade thresholds for <see cref="RiskGrader"/>. Bound from
/// configuration so a station can tune them; the defaults make two repeated calls between the same
/// people plus a threat red, and a plain two-party quarrel green.</summary>
public sealed record RiskWeights
{
    public static RiskWeights Default { get; } = new();

    public int PointsPerIncidentAtAddress { get; init; } = 10;
    public int MaxPointsIncidentsAtAddress { get; init; } = 30;

    public int PointsPerIncidentBetweenParties { get; init; } = 15;
    public int MaxPointsIncidentsBetweenParties { get; init; } = 45;

    public int ThreatPoints { get; init; } = 30;

    public IReadOnlyList<string> ThreatWords { get; init; } =
    ["打", "砍", "杀", "报复", "同归于尽", "刀", "动手", "威胁", "砸", "捅", "弄死", "放火", "拼命", "喝农药", "跳楼", "枪"];

    /// <summary>Everyday words that contain a threat word but mean no harm (打工, 打官司, 杀虫…); they are
    /// ignored before the threat words are looked for.</summary>
    public IReadOnlyList<string> HarmlessPhrases { get; init; } =
    [
        "打工",
        "打算",
        "打听",
        "打扫",
        "打电话",
        "打扰",
        "打理",
        "打折",
        "打印",
        "打卡",
        "打招呼",
        "打车",
        "打官司",
        "打针",
        "打井",
        "打药",
        "打农药",
        "打疫苗",
        "打包",
        "杀虫",
        "杀价",
        "杀毒",
        "刀豆",
    ];

    /// <summary>Parties beyond this many add points (two sides is an ordinary dispute).</summary>
    public int OrdinaryPartyCount { get; init; } = 2;
    public int PointsPerExtraParty { get; init; } = 5;
    public int MaxPointsParties { get; init; } = 20;

    public int PointsPerVulnerableParty { get; init; } = 10;
    public int MaxPointsVulnerable { get; init; } = 20;

    public int PointsPerFailedMediation { get; init; } = 10;
    public int MaxPointsFailedMediation { get; init; } = 30;

    public int LongOpenDays { get; init; } = 15;
    public int LongOpenPoints { get; init; } = 10;
    public int VeryLongOpenDays { get; init; } = 30;
    public int VeryLongOpenPoints { get; init; } = 20;

    public int YellowFrom { get; init; } = 20;
    public int OrangeFrom { get; init; } = 40;
    public int RedFrom { get; init; } = 60;

    /// <summary>Problems with the configuration, in words an administrator can fix; empty when sound.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        int[] points =
        [
            PointsPerIncidentAtAddress,
            MaxPointsIncidentsAtAddress,
            PointsPerIncidentBetweenParties,
            MaxPointsIncidentsBetweenParties,
            ThreatPoints,
            PointsPerExtraParty,
            MaxPointsParties,
            PointsPerVulnerableParty,
            MaxPointsVulnerable,
            PointsPerFailedMediation,
            MaxPointsFailedMediation,
            LongOpenPoints,
            VeryLongOpenPoints,
            OrdinaryPartyCount,
            LongOpenDays,
            VeryLongOpenDays,
        ];
        if (points.Any(p => p < 0))
            problems.Add("风险分值、上限和天数都不能为负");
        if (!(0 < YellowFrom && YellowFrom < OrangeFrom && OrangeFrom < RedFrom))
            problems.Add("风险等级门槛须满足 0 < 黄 < 橙 < 红");
        if (VeryLongOpenDays < LongOpenDays)
            problems.Add("“久拖”天数不能小于“较久”天数");
        if (ThreatWords.Any(string.IsNullOrWhiteSpace))
            problems.Add("威胁字眼不能为空");
        return problems;
    }
}
