using Lianxin.Core.Disputes;
using static Lianxin.Tests.Disputes.DisputeTestData;

namespace Lianxin.Tests.Disputes;

public class RiskGraderTests
{
    private static readonly RiskGrader Grader = new();
    private const string Calm = "两家因院墙边界发生争吵";

    private static RiskAssessment Grade(Dispute d, RiskHistory? history = null, DateTimeOffset? now = null) =>
        Grader.Grade(d, history ?? RiskHistory.None, now ?? T0.AddHours(1));

    private static DisputeParty[] Parties(int count, int vulnerable = 0) =>
        Enumerable
            .Range(1, count)
            .Select(i =>
                DisputeParty.Create(i == 1 ? PartyRole.Applicant : PartyRole.Respondent, $"当事人{i}", isVulnerable: i <= vulnerable)
            )
            .ToArray();

    [Fact]
    public void A_plain_two_party_quarrel_is_green_with_nothing_to_explain()
    {
        var result = Grade(New(Calm));
        Assert.Equal(DisputeRisk.Green, result.Grade);
        Assert.Equal(0, result.TotalPoints);
        Assert.Empty(result.Factors);
        Assert.False(result.IsRed);
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 30)]
    [InlineData(7, 30)]
    public void Earlier_incidents_at_the_same_address_score_per_incident_up_to_a_cap(int incidents, int points)
    {
        var factor = Grade(New(Calm), new RiskHistory(EarlierIncidentsAtAddress: incidents)).For(RiskFactor.RepeatedAtAddress);
        Assert.NotNull(factor);
        Assert.Equal(points, factor.Points);
        Assert.Equal($"同一地址此前已报警 {incidents} 次", factor.Reason);
    }

    [Theory]
    [InlineData(1, 15)]
    [InlineData(3, 45)]
    [InlineData(9, 45)]
    public void Earlier_incidents_between_the_same_people_score_per_incident_up_to_a_cap(int incidents, int points)
    {
        var factor = Grade(New(Calm), new RiskHistory(EarlierIncidentsBetweenParties: incidents)).For(RiskFactor.RepeatedBetweenParties);
        Assert.Equal(points, factor!.Points);
        Assert.Contains($"{incidents} 次", factor.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("龚某扬言要报复程家", "报复")]
    [InlineData("程某拿刀威胁龚某", "刀、威胁")]
    [InlineData("两人险些动手", "动手")]
    [InlineData("酒后砸坏大门，险些大打出手", "打、砸")]
    [InlineData("说要同归于尽", "同归于尽")]
    [InlineData("扬言要砍人、杀了他", "砍、杀")]
    public void Threat_and_violence_words_score_and_are_named_in_the_reason(string description, string named)
    {
        var factor = Grade(New(description)).For(RiskFactor.ThreatOrViolence);
        Assert.NotNull(factor);
        Assert.Equal(30, factor.Points);
        Assert.Equal($"纠纷情况中出现威胁或暴力字眼：{named}", factor.Reason);
    }

    [Theory]
    [InlineData("儿子在外打工，打算回来打官司")]
    [InlineData("打电话给村干部，想打听补偿标准")]
    [InlineData("给菜园打农药后杀虫，邻居嫌气味大")]
    public void Everyday_words_containing_a_threat_character_do_not_count(string description)
    {
        Assert.Null(Grade(New(description)).For(RiskFactor.ThreatOrViolence));
    }

    [Fact]
    public void A_real_threat_still_counts_beside_an_everyday_word()
    {
        var factor = Grade(New("打工回来后动手打人")).For(RiskFactor.ThreatOrViolence);
        Assert.Equal("纠纷情况中出现威胁或暴力字眼：打、动手", factor!.Reason);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 0)]
    [InlineData(3, 5)]
    [InlineData(5, 15)]
    [InlineData(6, 20)]
    [InlineData(12, 20)]
    public void More_than_two_parties_score_per_extra_party_up_to_a_cap(int parties, int points)
    {
        var factor = Grade(New(Calm, Parties(parties))).For(RiskFactor.ManyParties);
        Assert.Equal(points, factor?.Points ?? 0);
        if (points > 0)
            Assert.Equal($"当事人共 {parties} 方，多于 2 方", factor!.Reason);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 10)]
    [InlineData(2, 20)]
    [InlineData(3, 20)]
    public void Vulnerable_parties_score_and_are_named(int vulnerable, int points)
    {
        var factor = Grade(New(Calm, Parties(3, vulnerable))).For(RiskFactor.VulnerableParties);
        Assert.Equal(points, factor?.Points ?? 0);
        if (vulnerable > 0)
            Assert.StartsWith($"涉及弱势当事人 {vulnerable} 人：当事人1", factor!.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Failed_mediation_in_this_dispute_and_in_earlier_ones_scores()
    {
        var d = At(Stage.Level1);
        d.RecordFailedAttempt(HouseholdHead, T0.AddDays(1), "双方不让步");

        var alone = Grade(d, now: T0.AddDays(1)).For(RiskFactor.EarlierFailedMediation);
        Assert.Equal(10, alone!.Points);
        Assert.Equal("调解未成 1 次（本纠纷 1 次，此前纠纷 0 次）", alone.Reason);

        var withHistory = Grade(d, new RiskHistory(EarlierFailedDisputes: 4), T0.AddDays(1)).For(RiskFactor.EarlierFailedMediation);
        Assert.Equal(30, withHistory!.Points);
        Assert.Equal("调解未成 5 次（本纠纷 1 次，此前纠纷 4 次）", withHistory.Reason);
    }

    [Theory]
    [InlineData(14, 0)]
    [InlineData(15, 10)]
    [InlineData(29, 10)]
    [InlineData(30, 20)]
    [InlineData(200, 20)]
    public void A_dispute_long_open_scores_more_the_longer_it_stays_open(int days, int points)
    {
        var factor = Grade(New(Calm), now: T0.AddDays(days)).For(RiskFactor.LongOpen);
        Assert.Equal(points, factor?.Points ?? 0);
        if (points > 0)
            Assert.StartsWith($"登记已 {days} 天", factor!.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, DisputeRisk.Green)]
    [InlineData(19, DisputeRisk.Green)]
    [InlineData(20, DisputeRisk.Yellow)]
    [InlineData(39, DisputeRisk.Yellow)]
    [InlineData(40, DisputeRisk.Orange)]
    [InlineData(59, DisputeRisk.Orange)]
    [InlineData(60, DisputeRisk.Red)]
    [InlineData(500, DisputeRisk.Red)]
    public void Grades_follow_the_default_thresholds(int points, DisputeRisk grade)
    {
        Assert.Equal(grade, Grader.GradeFor(points));
    }

    [Fact]
    public void Repeated_calls_between_the_same_people_and_a_threat_make_it_red_for_the_caller_to_act_on()
    {
        var result = Grade(New("龚某扬言要报复"), new RiskHistory(EarlierIncidentsBetweenParties: 2));

        Assert.Equal(DisputeRisk.Red, result.Grade);
        Assert.True(result.IsRed);
        Assert.Equal(60, result.TotalPoints);
    }

    [Fact]
    public void Every_listed_factor_scores_explains_itself_and_the_points_add_up()
    {
        var d = New("扬言报复", Parties(4, vulnerable: 1));
        var result = Grade(d, new RiskHistory(1, 1, 1), T0.AddDays(20));

        Assert.Equal(Enum.GetValues<RiskFactor>(), result.Factors.Select(f => f.Factor));
        Assert.All(result.Factors, f =>
        {
            Assert.True(f.Points > 0);
            Assert.False(string.IsNullOrWhiteSpace(f.Reason));
        });
        Assert.Equal(result.Factors.Sum(f => f.Points), result.TotalPoints);
        Assert.Equal(10 + 15 + 30 + 10 + 10 + 10 + 10, result.TotalPoints);
    }

    [Fact]
    public void Changed_weights_change_the_points_and_the_grade()
    {
        var strict = new RiskGrader(new RiskWeights { ThreatPoints = 60 });
        var result = strict.Grade(New("龚某扬言要报复"), RiskHistory.None, T0.AddHours(1));
        Assert.Equal(DisputeRisk.Red, result.Grade);

        var lenient = new RiskGrader(
            new RiskWeights
            {
                YellowFrom = 40,
                OrangeFrom = 70,
                RedFrom = 100,
            }
        );
        Assert.Equal(DisputeRisk.Green, lenient.Grade(New("龚某扬言要报复"), RiskHistory.None, T0.AddHours(1)).Grade);
    }

    [Fact]
    public void The_threat_word_list_is_configurable()
    {
        var local = new RiskGrader(new RiskWeights { ThreatWords = ["揍"], HarmlessPhrases = [] });

        Assert.Equal(
            "纠纷情况中出现威胁或暴力字眼：揍",
            local.Grade(New("说要揍他一顿"), RiskHistory.None, T0).For(RiskFactor.ThreatOrViolence)!.Reason
        );
        Assert.Null(local.Grade(New("扬言要报复"), RiskHistory.None, T0).For(RiskFactor.ThreatOrViolence));
    }

    [Fact]
    public void Unsound_weights_are_refused_with_what_to_fix()
    {
        var disorder = Assert.Throws<ArgumentException>(() => new RiskGrader(new RiskWeights { OrangeFrom = 70, RedFrom = 60 }));
        Assert.Contains("0 < 黄 < 橙 < 红", disorder.Message, StringComparison.Ordinal);
        var negative = Assert.Throws<ArgumentException>(() => new RiskGrader(new RiskWeights { ThreatPoints = -5 }));
        Assert.Contains("不能为负", negative.Message, StringComparison.Ordinal);
    }
}
