namespace Lianxin.Core.Disputes;

/// <summary>Grades a dispute's escalation risk from explainable factors: each scores capped points with
/// a Chinese reason, the sum is compared with the thresholds. Nothing is hidden in a model a person
/// cannot read.</summary>
public sealed class RiskGrader
{
    private readonly RiskWeights _weights;

    public RiskGrader(RiskWeights? weights = null)
    {
        _weights = weights ?? RiskWeights.Default;
        var problems = _weights.Problems();
        if (problems.Count > 0)
            throw new ArgumentException(string.Join("；", problems), nameof(weights));
    }

    public RiskAssessment Grade(Dispute dispute, RiskHistory history, DateTimeOffset now)
    {
        var w = _weights;
        var factors = new List<RiskFactorScore>();

        void Add(RiskFactor factor, int points, string reason)
        {
            if (points > 0)
                factors.Add(new RiskFactorScore(factor, points, reason));
        }

        var atAddress = history.EarlierIncidentsAtAddress;
        Add(
            RiskFactor.RepeatedAtAddress,
            Capped(atAddress, w.PointsPerIncidentAtAddress, w.MaxPointsIncidentsAtAddress),
            $"同一地址此前已报警 {atAddress} 次"
        );

        var between = history.EarlierIncidentsBetweenParties;
        Add(
            RiskFactor.RepeatedBetweenParties,
            Capped(between, w.PointsPerIncidentBetweenParties, w.MaxPointsIncidentsBetweenParties),
            $"同一当事人之间已报警 {between} 次（本纠纷关联的 110 警情）"
        );

        var words = ThreatWordsIn(dispute.Description);
        if (words.Count > 0)
            Add(RiskFactor.ThreatOrViolence, w.ThreatPoints, $"纠纷情况中出现威胁或暴力字眼：{string.Join("、", words)}");

        var parties = dispute.Parties.Count;
        var extra = parties - w.OrdinaryPartyCount;
        Add(
            RiskFactor.ManyParties,
            Capped(extra, w.PointsPerExtraParty, w.MaxPointsParties),
            $"当事人共 {parties} 方，多于 {w.OrdinaryPartyCount} 方"
        );

        var vulnerable = dispute.Parties.Where(p => p.IsVulnerable).ToList();
        Add(
            RiskFactor.VulnerableParties,
            Capped(vulnerable.Count, w.PointsPerVulnerableParty, w.MaxPointsVulnerable),
            $"涉及弱势当事人 {vulnerable.Count} 人：{string.Join("、", vulnerable.Select(p => p.DisplayName))}"
        );

        var failedHere = dispute.FailedMediationCount;
        var failed = failedHere + history.EarlierFailedDisputes;
        Add(
            RiskFactor.EarlierFailedMediation,
            Capped(failed, w.PointsPerFailedMediation, w.MaxPointsFailedMediation),
            $"调解未成 {failed} 次（本纠纷 {failedHere} 次，此前纠纷 {history.EarlierFailedDisputes} 次）"
        );

        var days = dispute.DaysOpen(now);
        if (days >= w.VeryLongOpenDays)
            Add(RiskFactor.LongOpen, w.VeryLongOpenPoints, $"登记已 {days} 天（{w.VeryLongOpenDays} 天及以上）");
        else if (days >= w.LongOpenDays)
            Add(RiskFactor.LongOpen, w.LongOpenPoints, $"登记已 {days} 天（{w.LongOpenDays} 天及以上）");

        var total = factors.Sum(f => f.Points);
        return new RiskAssessment(GradeFor(total), total, factors);
    }

    public DisputeRisk GradeFor(int points) =>
        points >= _weights.RedFrom ? DisputeRisk.Red
        : points >= _weights.OrangeFrom ? DisputeRisk.Orange
        : points >= _weights.YellowFrom ? DisputeRisk.Yellow
        : DisputeRisk.Green;

    /// <summary>The threat words found, in the configured order, after harmless phrases are blanked out.</summary>
    public IReadOnlyList<string> ThreatWordsIn(string text)
    {
        var cleaned = text;
        foreach (var phrase in _weights.HarmlessPhrases.Where(p => !string.IsNullOrEmpty(p)).OrderByDescending(p => p.Length))
            cleaned = cleaned.Replace(phrase, new string('\u3000', phrase.Length), StringComparison.Ordinal);
        return _weights.ThreatWords.Where(word => cleaned.Contains(word, StringComparison.Ordinal)).Distinct().ToList();
    }

    private static int Capped(int count, int perItem, int max) => count <= 0 ? 0 : Math.Min(count * perItem, max);
}
