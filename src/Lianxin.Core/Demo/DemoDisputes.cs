using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Organization;

namespace Lianxin.Core.Demo;

/// <summary>Disputes for the demo county over the two years before a given day: every category,
/// source, level and outcome, some referred, some recurring at the follow-up, each moved through the
/// <see cref="Dispute"/> methods so its timeline is one the state machine allows. The same seed and
/// end day always give the same disputes.</summary>
public static class DemoDisputes
{
    public const int DefaultCount = 3000;

    private static readonly (string Code, string Name, int Weight, string[] Titles)[] Categories =
    [
        (
            "neighbour",
            "邻里纠纷",
            30,
            ["{0}两户因鸡鸭啃食菜地发生争吵", "{0}邻居因排水沟堵塞起争执", "{0}两家因噪音扰邻发生口角", "{0}邻里因柴草堆放占道起纠纷"]
        ),
        ("family", "婚姻家庭纠纷", 16, ["{0}夫妻因家务琐事争吵", "{0}兄弟因赡养老人分歧", "{0}婆媳矛盾激化"]),
        ("land", "土地承包纠纷", 10, ["{0}两户承包地界争议", "{0}村民因土地流转租金起纠纷"]),
        ("homestead", "宅基地纠纷", 9, ["{0}两户因宅基地界址争执", "{0}村民翻建房屋遮挡邻居采光"]),
        ("compensation", "征地拆迁补偿纠纷", 5, ["{0}村民对征地补偿款分配有异议"]),
        ("labour", "劳资纠纷", 8, ["{0}务工人员追讨拖欠工资", "{0}工地工人因工伤赔偿起争执"]),
        ("debt", "债务纠纷", 7, ["{0}村民之间借款未还", "{0}赊购农资欠款纠纷"]),
        ("property", "物业纠纷", 5, ["{0}业主与物业因收费起争执", "{0}楼上漏水殃及楼下"]),
        ("traffic", "交通事故纠纷", 5, ["{0}电动车与三轮车剐蹭赔偿纠纷"]),
        ("consumer", "消费纠纷", 2, ["{0}村民购买农机质量纠纷"]),
        ("construction", "工程施工纠纷", 2, ["{0}施工扬尘噪音扰民"]),
        ("other", "其他纠纷", 1, ["{0}村民因牲畜走失起争执"]),
    ];

    private static readonly (DisputeSource Source, int Weight)[] Sources =
    [
        (DisputeSource.Incident110, 22),
        (DisputeSource.WalkIn, 14),
        (DisputeSource.Screening, 18),
        (DisputeSource.HouseholdHead, 16),
        (DisputeSource.GridWorker, 12),
        (DisputeSource.SecurityCommittee, 10),
        (DisputeSource.Petition, 3),
        (DisputeSource.SiteCheck, 2),
        (DisputeSource.ReferralIn, 2),
        (DisputeSource.Other, 1),
    ];

    private static readonly string[] Receivers =
    [
        "镇司法所",
        "县人民法院诉前调解",
        "县劳动人事争议仲裁委员会",
        "县信访局",
        "县自然资源局",
        "县住房和城乡建设局",
    ];

    private const string By = "demo";

    /// <summary>Builds <paramref name="count"/> disputes registered over the two years before
    /// <paramref name="until"/>, spread over the places of the county (communities, villages and
    /// below). Steps that would fall after <paramref name="until"/> are not taken, so recent disputes
    /// are still open.</summary>
    public static List<Dispute> Build(DemoCountyData county, int count, DateTimeOffset until, int seed = DemoCounty.DefaultSeed) =>
        BuildWithAgreements(county, count, until, seed).Disputes;

    /// <summary>The disputes of <see cref="Build"/> and the written agreements (调解协议书) of those settled at the
    /// village level or above: signed when settled, performed by their deadline, some sent for judicial confirmation
    /// and confirmed. Numbered per station and year in the order they were drafted; <see cref="Result.Counters"/> says
    /// where each station's counter stands, so the next agreement drafted in the app follows on.</summary>
    public static Result BuildWithAgreements(DemoCountyData county, int count, DateTimeOffset until, int seed = DemoCounty.DefaultSeed)
    {
        ArgumentNullException.ThrowIfNull(county);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        // The same seed walks the same course twice: once to learn when each agreement is drafted, so that the numbers
        // run in drafting order per station and year, then for good, each agreement drafted with its number.
        var (disputes, drafts) = Walk(county, count, until, seed, numbers: null);
        var units = county.Units.ToDictionary(u => u.Id);
        var unitOf = disputes.ToDictionary(d => d.Id, d => d.OrgUnitId);
        var counters = new Dictionary<string, int>();
        var numbers = new Dictionary<Guid, string>();
        foreach (var a in drafts.OrderBy(a => a.CreatedAt).ThenBy(a => a.DisputeId))
        {
            var station = units[unitOf[a.DisputeId]];
            while (station.Kind != OrgUnitKind.Station && station.ParentId is { } p && units.TryGetValue(p, out var parent))
                station = parent;
            var year = a.CreatedAt.ToOffset(ChinaTime.Offset).Year;
            var series = AgreementNumbers.Series(station.Id, year);
            counters[series] = counters.GetValueOrDefault(series) + 1;
            numbers[a.DisputeId] = AgreementNumbers.Format(year, AgreementNumbers.ShortName(station.Name), counters[series]);
        }
        if (numbers.Count == 0)
            return new Result(disputes, drafts, counters);
        var (final, agreements) = Walk(county, count, until, seed, numbers);
        return new Result(final, agreements, counters);
    }

    public sealed record Result(List<Dispute> Disputes, List<MediationAgreement> Agreements, IReadOnlyDictionary<string, int> Counters);

    private static (List<Dispute> Disputes, List<MediationAgreement> Agreements) Walk(
        DemoCountyData county,
        int count,
        DateTimeOffset until,
        int seed,
        IReadOnlyDictionary<Guid, string>? numbers
    )
    {
        var rng = new Random(unchecked(seed * 31 + 17));
        var ids = new DemoIds(unchecked(seed + 0x0D15));
        var byId = county.Units.ToDictionary(u => u.Id);
        var places = county
            .Units.Where(u => u.Kind is OrgUnitKind.Village or OrgUnitKind.Community or OrgUnitKind.Group or OrgUnitKind.Grid)
            .OrderBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        var agreements = new List<MediationAgreement>();
        if (places.Count == 0 || count == 0)
            return ([], agreements);
        // Paperwork draws from a generator of its own, so the disputes' own course does not depend on it.
        var paper = new Paper(new Random(unchecked(seed * 53 + 29)), agreements, numbers);
        var end = until.ToUniversalTime();
        var span = TimeSpan.FromDays(730).Ticks;
        var registered = Enumerable
            .Range(0, count)
            .Select(_ => end.AddTicks(-(long)(rng.NextDouble() * span)).AddHours(-1))
            .Order()
            .ToList();
        var perYear = new Dictionary<int, int>();
        var disputes = new List<Dispute>(count);
        foreach (var at in registered)
        {
            var atMinute = new DateTimeOffset(at.Ticks - at.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero);
            var unit = places[rng.Next(places.Count)];
            var year = atMinute.ToOffset(ChinaTime.Offset).Year;
            perYear[year] = perYear.GetValueOrDefault(year) + 1;
            disputes.Add(One(rng, unit, VillageOf(unit, byId), $"JF-{year}-{perYear[year]:D5}", atMinute, end, ids, paper));
        }
        return (disputes, agreements);
    }

    /// <summary>Where the flows write their agreements, the generator they draw the details from, and the numbers to
    /// give them by dispute (none on the first walk).</summary>
    private sealed record Paper(Random Rng, List<MediationAgreement> Agreements, IReadOnlyDictionary<Guid, string>? Numbers);

    private static readonly string[] AgreedContents =
    [
        "被申请人一次性赔偿申请人损失{0}元，双方就此纠纷再无其他争议。",
        "被申请人于履行期限内恢复原状，并向申请人赔礼道歉；申请人不再追究。",
        "双方以现有界址为准，各自清理越界杂物，今后互谅互让、和睦相处。",
        "被申请人分两期支付申请人{0}元，申请人收款后出具收条。",
    ];

    private static readonly string[] Methods = ["当场现金支付", "银行转账", "分期支付", "自行履行，调解委员会监督"];

    private static readonly string[] Courts = ["县人民法院", "县人民法院城关人民法庭", "县人民法院诉调对接中心"];

    private static OrgUnit VillageOf(OrgUnit unit, Dictionary<Guid, OrgUnit> units)
    {
        var u = unit;
        while (u.Kind is OrgUnitKind.Group or OrgUnitKind.Grid && u.ParentId is { } p && units.TryGetValue(p, out var parent))
            u = parent;
        return u;
    }

    private static Dispute One(
        Random rng,
        OrgUnit unit,
        OrgUnit village,
        string number,
        DateTimeOffset registeredAt,
        DateTimeOffset end,
        DemoIds ids,
        Paper paper
    )
    {
        var category = Pick(rng, Categories, c => c.Weight);
        var title = string.Format(
            System.Globalization.CultureInfo.InvariantCulture,
            category.Titles[rng.Next(category.Titles.Length)],
            village.Name
        );
        var address = $"{village.Name}{DemoNames.Numerals[rng.Next(DemoNames.Numerals.Length)]}组{rng.Next(1, 60)}号";
        var vulnerable = rng.NextDouble() < 0.08;
        var d = Dispute.Register(
            new DisputeRegistration
            {
                Number = number,
                Title = title,
                CategoryCode = category.Code,
                Description = $"{title}。经{(rng.NextDouble() < 0.5 ? "走访" : "电话")}了解，双方各执一词，需调解处理。",
                Source = Pick(rng, Sources, s => s.Weight).Source,
                OrgUnitId = unit.Id,
                Address = address,
                Parties =
                [
                    DisputeParty.Create(PartyRole.Applicant, DemoNames.Surname(rng) + "某", isVulnerable: vulnerable),
                    DisputeParty.Create(PartyRole.Respondent, DemoNames.Surname(rng) + "某"),
                ],
            },
            By,
            registeredAt
        );
        d.Id = ids.Next();
        d.AddressKey = AddressNormalizer.Default.KeyOrEmpty(address);
        new Flow(rng, d, end, paper).Run();
        d.RecordRisk(new RiskGrader().Grade(d, RiskHistory.None, Min(end, d.EndedAt ?? end)), Min(end, d.EndedAt ?? end));
        return d;
    }

    /// <summary>Walks one dispute through the steps a station would take, stopping at the end day.</summary>
    private sealed class Flow(Random rng, Dispute d, DateTimeOffset end, Paper paper)
    {
        private DateTimeOffset _at = d.RegisteredAt;

        private bool Next(double minHours, double maxHours)
        {
            _at = _at.AddMinutes(Math.Round((minHours + rng.NextDouble() * (maxHours - minHours)) * 60));
            Catch(_at < end ? _at : end);
            return _at <= end;
        }

        /// <summary>Agreement steps dated after the step that settled the dispute (performance, the court's steps), taken
        /// as the dispute's own course reaches their time, so its timeline stays in time order.</summary>
        private readonly List<(DateTimeOffset At, Action<DateTimeOffset> Step)> _later = [];

        public void Run()
        {
            Walk();
            Catch(end);
        }

        /// <summary>Takes the agreement steps due by <paramref name="until"/>, oldest first.</summary>
        private void Catch(DateTimeOffset until)
        {
            var due = _later.Where(l => l.At <= until).OrderBy(l => l.At).ToList();
            foreach (var l in due)
            {
                _later.Remove(l);
                l.Step(l.At);
            }
        }

        private void Walk()
        {
            if (rng.NextDouble() < 0.03)
            {
                if (Next(2, 48))
                    d.Withdraw(By, _at, "当事人自行和解，申请撤回");
                return;
            }
            if (!Next(1, 36))
                return;
            var roll = rng.NextDouble();
            var jurisdiction =
                roll < 0.68 ? DisputeJurisdiction.PoliceSimple
                : roll < 0.92 ? DisputeJurisdiction.PoliceComplex
                : DisputeJurisdiction.NotPolice;
            d.Triage(jurisdiction, By, _at);
            if (jurisdiction == DisputeJurisdiction.NotPolice)
            {
                if (!Next(4, 72))
                    return;
                d.Refer(Receivers[rng.Next(Receivers.Length)], By, _at, "不属公安管辖，警调衔接移交");
                AfterEnd(recurs: false);
                return;
            }
            var level =
                jurisdiction == DisputeJurisdiction.PoliceSimple
                    ? (rng.NextDouble() < 0.8 ? MediationLevel.HouseholdHead : MediationLevel.Village)
                    : (rng.NextDouble() < 0.7 ? MediationLevel.PoliceOffice : MediationLevel.Village);
            if (!Next(2, 72))
                return;
            d.StartMediation(level, By, _at);
            Mediate(reopened: false);
        }

        private void Mediate(bool reopened)
        {
            while (true)
            {
                if (!Next(24, 24 * 9))
                    return;
                var level = d.Level!.Value;
                var settle = level switch
                {
                    MediationLevel.HouseholdHead => 0.62,
                    MediationLevel.Village => 0.66,
                    MediationLevel.PoliceOffice => 0.8,
                    _ => 0.72,
                };
                if (rng.NextDouble() < settle)
                {
                    if (!reopened && level >= MediationLevel.Village && paper.Rng.NextDouble() < 0.5)
                        WriteAgreement();
                    d.Resolve(By, _at, "双方达成一致，当场履行");
                    AfterEnd(recurs: !reopened);
                    return;
                }
                d.RecordFailedAttempt(By, _at, $"{level.Label()}调解未成，双方分歧较大");
                if (!Next(4, 72))
                    return;
                var choice = rng.NextDouble();
                if (level < MediationLevel.County && choice < 0.86)
                {
                    d.Escalate(level + 1, By, _at, "本级调解未成，提交上一级调解");
                }
                else if (choice < 0.94)
                {
                    d.Refer(Receivers[rng.Next(2)], By, _at, "多次调解未成，引导诉前调解");
                    AfterEnd(recurs: false);
                    return;
                }
                else
                {
                    d.Fail(OtherRoutes.Arbitration | OtherRoutes.Court, By, _at, "调解不成，已告知当事人仲裁、诉讼等途径");
                    AfterEnd(recurs: false);
                    return;
                }
            }
        }

        /// <summary>The agreement signed when the dispute is settled; performed by its deadline when that has come,
        /// and, where the parties chose it, applied for and ruled on by the court within the days that have passed.</summary>
        private void WriteAgreement()
        {
            var r = paper.Rng;
            var on = ChinaTime.Day(_at);
            var days = r.NextDouble() < 0.4 ? 0 : r.Next(3, 31);
            var amount = r.Next(2, 60) * 100;
            var terms = new AgreementTerms(
                d.Parties.Select(p => new AgreementPartyDraft(p.Role, p.Name, null, null, null, d.Address, ProtectedText.Empty, null))
                    .ToList(),
                $"{d.Title}。{d.Description}",
                "双方对纠纷的发生均有一定责任；经调解员释法说理，双方认识到各自的不足，愿意各让一步。",
                string.Format(System.Globalization.CultureInfo.InvariantCulture, AgreedContents[r.Next(AgreedContents.Length)], amount),
                days == 0 ? Methods[0] : Methods[1 + r.Next(Methods.Length - 1)],
                on.AddDays(days),
                [$"{DemoNames.Surname(r)}{DemoNames.GivenName(r, Gender.Female, 1970 + r.Next(20))}"]
            );
            var a = MediationAgreement.Draft(d, 1, terms, By, _at, paper.Numbers?.GetValueOrDefault(d.Id));
            a.CreatedAt = a.UpdatedAt = _at;
            var judicial = r.NextDouble() < 0.3;
            a.Sign(d, on, judicial, By, _at);
            paper.Agreements.Add(a);

            var performed = days == 0 ? on : on.AddDays(r.Next(1, days + 1));
            var performedAt = days == 0 ? _at.AddMinutes(30) : At(performed);
            if (performedAt <= end)
                Step(performedAt, at => a.RecordPerformance(d, full: true, performed, null, By, at));
            if (!judicial)
                return;
            var applied = on.AddDays(r.Next(1, 15));
            if (At(applied) > end)
                return;
            var court = Courts[r.Next(Courts.Length)];
            Step(At(applied), at => a.RecordJudicial(d, true, applied, court, null, null, By, at));
            var decided = applied.AddDays(r.Next(3, 16));
            if (At(decided) <= end)
            {
                var result = r.NextDouble() < 0.95 ? JudicialResult.Confirmed : JudicialResult.Refused;
                Step(At(decided), at => a.RecordJudicial(d, true, applied, court, result, decided, By, at));
            }

            void Step(DateTimeOffset at, Action<DateTimeOffset> step) => _later.Add((at, when =>
                    {
                        step(when);
                        if (when > a.UpdatedAt)
                            a.UpdatedAt = when;
                    }));
        }

        /// <summary>Ten in the morning, China time, of a day.</summary>
        private static DateTimeOffset At(DateOnly day) =>
            new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUniversalTime();

        /// <summary>Follow-up visits after 7 and 30 days; one in sixteen resolved disputes recurs at the
        /// first visit and is mediated again; the rest close after the last visit.</summary>
        private void AfterEnd(bool recurs)
        {
            // A referred dispute waits for the receiver's result before any visit or closing.
            if (d.Status == DisputeStatus.Referred)
                return;
            var ended = _at;
            var first = d.ScheduleFollowUp(ended.AddDays(7), By, ended);
            var second = d.ScheduleFollowUp(ended.AddDays(30), By, ended);
            _at = ended.AddDays(7).AddHours(rng.Next(0, 48));
            Catch(_at < end ? _at : end);
            if (_at > end)
                return;
            if (recurs && d.Status == DisputeStatus.Resolved && rng.NextDouble() < 1.0 / 16)
            {
                d.RecordFollowUp(first.Id, FollowUpResult.Recurring, By, _at, "双方再次发生争执");
                if (!Next(2, 48))
                    return;
                d.StartMediation(MediationLevel.PoliceOffice, By, _at, "复发后由警务室联调");
                Mediate(reopened: true);
                return;
            }
            d.RecordFollowUp(first.Id, FollowUpResult.Stable, By, _at, "双方关系稳定");
            _at = ended.AddDays(30).AddHours(rng.Next(0, 48));
            Catch(_at < end ? _at : end);
            if (_at > end)
                return;
            d.RecordFollowUp(second.Id, FollowUpResult.Stable, By, _at, "未再发生纠纷");
            if (!Next(2, 96) || rng.NextDouble() < 0.1)
                return;
            d.Close(By, _at, "回访稳定，结案");
        }
    }

    private static T Pick<T>(Random rng, IReadOnlyList<T> items, Func<T, int> weight)
    {
        var n = rng.Next(items.Sum(weight));
        foreach (var item in items)
        {
            if (n < weight(item))
                return item;
            n -= weight(item);
        }
        return items[^1];
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
