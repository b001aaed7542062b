using System.Linq.Expressions;
using Lianxin.Core.Common;

namespace Lianxin.Core.Disputes.Figures;

/// <summary>Which disputes each figure counts, as one expression per figure. The figures count with
/// these expressions and the ledger filters with the same ones, so a number and the rows it opens
/// cannot disagree. Every rule reads the timeline (<see cref="Dispute.Events"/>), not the current
/// status, so a dispute reopened later still counts as resolved in the period it was resolved in.</summary>
public static class DisputeFigureRules
{
    /// <summary>The steps of a timeline the figures read (resolutions, referrals and their results, reopenings):
    /// what the counts from timelines and the tally rebuild load of each dispute.</summary>
    public static readonly Expression<Func<DisputeEvent, bool>> ReadByFigures = e =>
        e.Kind == DisputeEventKind.Resolved
        || e.Kind == DisputeEventKind.ReferralResultReported
        || e.Kind == DisputeEventKind.Referred
        || e.Kind == DisputeEventKind.Reopened;

    /// <summary>The disputes <paramref name="figure"/> counts in <paramref name="period"/>.
    /// <paramref name="all"/> is the disputes table: "which disputes had a resolution (or referral) in
    /// the period" is asked once of the timeline through its (Kind, At) index, as an uncorrelated
    /// subquery, instead of once per dispute.</summary>
    public static Expression<Func<Dispute, bool>> Selection(
        DisputeFigure figure,
        ChinaPeriod period,
        IQueryable<Dispute> all,
        IQueryable<MediationAgreement> agreements,
        IQueryable<Referral> referrals
    )
    {
        var start = period.Start;
        var end = period.End;
        const DisputeEventKind resolved = DisputeEventKind.Resolved;
        const DisputeEventKind reopened = DisputeEventKind.Reopened;
        // A referral the receiver reports as resolved ends the dispute resolved too (outside the station's tiers).
        const DisputeEventKind referralResult = DisputeEventKind.ReferralResultReported;
        const DisputeStatus resolvedStatus = DisputeStatus.Resolved;
        var resolvedIn = ResolvedIn(all, start, end, null);
        var from = period.From;
        var to = period.To;
        return figure switch
        {
            DisputeFigure.Accepted => d => d.RegisteredAt >= start && d.RegisteredAt < end,
            DisputeFigure.Resolved => d => resolvedIn.Contains(d.Id),
            DisputeFigure.AcceptedResolved => d =>
                d.RegisteredAt >= start
                && d.RegisteredAt < end
                && d.Events.Any(e =>
                    (e.Kind == resolved || (e.Kind == referralResult && e.ToStatus == resolvedStatus))
                    && !d.Events.Any(r => r.Kind == reopened && r.At > e.At)
                ),
            DisputeFigure.WithinGroup => ResolvedAtMost(all, resolvedIn, MediationLevel.HouseholdHead, start, end),
            DisputeFigure.WithinVillage => ResolvedAtMost(all, resolvedIn, MediationLevel.Village, start, end),
            DisputeFigure.WithinTown => ResolvedAtMost(all, resolvedIn, MediationLevel.PoliceOffice, start, end),
            DisputeFigure.Referred => Referred(EventIn(all, DisputeEventKind.Referred, start, end, null)),
            DisputeFigure.Recurred => d =>
                resolvedIn.Contains(d.Id)
                && d.Events.Any(e =>
                    (e.Kind == resolved || (e.Kind == referralResult && e.ToStatus == resolvedStatus))
                    && e.At >= start
                    && e.At < end
                    && d.Events.Any(r => r.Kind == reopened && r.At > e.At)
                ),
            DisputeFigure.Confirmed => Confirmed(
                agreements
                    .Where(a => a.JudicialResult == JudicialResult.Confirmed && a.JudicialDecidedOn >= from && a.JudicialDecidedOn <= to)
                    .Select(a => a.DisputeId)
            ),
            DisputeFigure.ResolvedAtLevel1 => ResolvedAt(all, resolvedIn, MediationLevel.HouseholdHead, start, end),
            DisputeFigure.ResolvedAtLevel2 => ResolvedAt(all, resolvedIn, MediationLevel.Village, start, end),
            DisputeFigure.ResolvedAtLevel3 => ResolvedAt(all, resolvedIn, MediationLevel.PoliceOffice, start, end),
            DisputeFigure.ResolvedAtLevel4 => ResolvedAt(all, resolvedIn, MediationLevel.County, start, end),
            DisputeFigure.ReferralAcknowledged => Acknowledged(
                referrals.Where(r => r.AcknowledgedAt >= start && r.AcknowledgedAt < end).Select(r => r.DisputeId)
            ),
            _ => throw new ArgumentOutOfRangeException(nameof(figure)),
        };
    }

    private static Expression<Func<Dispute, bool>> Acknowledged(IQueryable<Guid> acknowledgedIn) => d => acknowledgedIn.Contains(d.Id);

    private static Expression<Func<Dispute, bool>> Referred(IQueryable<Guid> referredIn) => d => referredIn.Contains(d.Id);

    private static Expression<Func<Dispute, bool>> Confirmed(IQueryable<Guid> confirmedIn) => d => confirmedIn.Contains(d.Id);

    /// <summary>Ids of disputes resolved in [start, end) — by a mediation step or by a referral's receiver —
    /// optionally only those resolved above <paramref name="above"/>; a resolution by a referral's
    /// receiver, or one with no level, counts as above every level (it did not stay within the tiers).</summary>
    private static IQueryable<Guid> ResolvedIn(IQueryable<Dispute> all, DateTimeOffset start, DateTimeOffset end, MediationLevel? above)
    {
        const DisputeEventKind resolved = DisputeEventKind.Resolved;
        const DisputeEventKind referralResult = DisputeEventKind.ReferralResultReported;
        const DisputeStatus resolvedStatus = DisputeStatus.Resolved;
        return above is { } level
            ? all.SelectMany(
                x =>
                    x.Events.Where(e =>
                        e.At >= start
                        && e.At < end
                        && (
                            (e.Kind == resolved && (e.ToLevel == null || e.ToLevel > level))
                            || (e.Kind == referralResult && e.ToStatus == resolvedStatus)
                        )
                    ),
                (x, e) => x.Id
            )
            : all.SelectMany(
                x =>
                    x.Events.Where(e =>
                        e.At >= start && e.At < end && (e.Kind == resolved || (e.Kind == referralResult && e.ToStatus == resolvedStatus))
                    ),
                (x, e) => x.Id
            );
    }

    /// <summary>Ids of disputes with an event of <paramref name="kind"/> in [start, end), optionally
    /// only those that ended above <paramref name="above"/>.</summary>
    private static IQueryable<Guid> EventIn(
        IQueryable<Dispute> all,
        DisputeEventKind kind,
        DateTimeOffset start,
        DateTimeOffset end,
        MediationLevel? above
    ) =>
        above is { } level
            ? all.SelectMany(x => x.Events.Where(e => e.Kind == kind && e.At >= start && e.At < end && e.ToLevel > level), (x, e) => x.Id)
            : all.SelectMany(x => x.Events.Where(e => e.Kind == kind && e.At >= start && e.At < end), (x, e) => x.Id);

    /// <summary>Resolved in the period, and no resolution in the period above <paramref name="level"/>:
    /// a dispute resolved twice in one period counts at the higher of the two levels.</summary>
    private static Expression<Func<Dispute, bool>> ResolvedAtMost(
        IQueryable<Dispute> all,
        IQueryable<Guid> resolvedIn,
        MediationLevel level,
        DateTimeOffset start,
        DateTimeOffset end
    )
    {
        var above = ResolvedIn(all, start, end, level);
        return d => resolvedIn.Contains(d.Id) && !above.Contains(d.Id);
    }

    /// <summary>Resolved in the period with <paramref name="level"/> the highest level of the period's resolutions:
    /// within that level and not within the one below it. A resolution by a referral's receiver, or one with
    /// no level, is at no level.</summary>
    private static Expression<Func<Dispute, bool>> ResolvedAt(
        IQueryable<Dispute> all,
        IQueryable<Guid> resolvedIn,
        MediationLevel level,
        DateTimeOffset start,
        DateTimeOffset end
    )
    {
        if (level == MediationLevel.HouseholdHead)
            return ResolvedAtMost(all, resolvedIn, level, start, end);
        var above = ResolvedIn(all, start, end, level);
        var aboveBelow = ResolvedIn(all, start, end, level - 1);
        return d => resolvedIn.Contains(d.Id) && !above.Contains(d.Id) && aboveBelow.Contains(d.Id);
    }

    /// <summary>A step that ends the dispute resolved: a mediation's resolution, or a referral's receiver
    /// reporting it resolved.</summary>
    public static bool IsResolution(DisputeEventKind kind, DisputeStatus toStatus) =>
        kind == DisputeEventKind.Resolved || (kind == DisputeEventKind.ReferralResultReported && toStatus == DisputeStatus.Resolved);

    /// <summary>The same rules as <see cref="Selection"/>, for one dispute whose timeline is in memory: which
    /// figures of <paramref name="period"/> count it, and the days from registration to its last resolution
    /// in the period. <see cref="DisputeFigure.Confirmed"/> reads the agreements and
    /// <see cref="DisputeFigure.ReferralAcknowledged"/> the referrals; neither is answered here.
    /// The figures use this for the few disputes the daily tallies cannot count (reopened, or referred twice).</summary>
    public static DisputeTallyResult Tally(DateTimeOffset registeredAt, IReadOnlyList<DisputeEvent> events, ChinaPeriod period)
    {
        var start = period.Start;
        var end = period.End;
        bool In(DateTimeOffset at) => at >= start && at < end;
        bool ReopenedAfter(DateTimeOffset at) => events.Any(r => r.Kind == DisputeEventKind.Reopened && r.At > at);

        var accepted = In(registeredAt);
        var resolutions = events.Where(e => IsResolution(e.Kind, e.ToStatus)).ToList();
        var resolvedIn = resolutions.Where(e => In(e.At)).ToList();
        var resolved = resolvedIn.Count > 0;
        // The highest level among the period's resolutions; a referral's or a level-less one is above every level.
        bool WithinAtMost(MediationLevel level) =>
            resolved && !resolvedIn.Any(e => e.Kind != DisputeEventKind.Resolved || e.ToLevel is null || e.ToLevel > level);

        var hits = new HashSet<DisputeFigure>();
        if (accepted)
            hits.Add(DisputeFigure.Accepted);
        if (resolved)
            hits.Add(DisputeFigure.Resolved);
        if (accepted && resolutions.Any(e => !ReopenedAfter(e.At)))
            hits.Add(DisputeFigure.AcceptedResolved);
        if (WithinAtMost(MediationLevel.HouseholdHead))
            hits.Add(DisputeFigure.WithinGroup);
        if (WithinAtMost(MediationLevel.Village))
            hits.Add(DisputeFigure.WithinVillage);
        if (WithinAtMost(MediationLevel.PoliceOffice))
            hits.Add(DisputeFigure.WithinTown);
        foreach (var level in Enum.GetValues<MediationLevel>())
        {
            if (WithinAtMost(level) && (level == MediationLevel.HouseholdHead || !WithinAtMost(level - 1)))
                hits.Add(AtLevel(level));
        }
        if (events.Any(e => e.Kind == DisputeEventKind.Referred && In(e.At)))
            hits.Add(DisputeFigure.Referred);
        if (resolvedIn.Any(e => ReopenedAfter(e.At)))
            hits.Add(DisputeFigure.Recurred);
        long? time = resolved ? (resolvedIn.Max(e => e.At) - registeredAt).Ticks / TimeSpan.TicksPerMillisecond : null;
        return new DisputeTallyResult(hits, time);
    }

    /// <summary>The figure that counts the disputes resolved at <paramref name="level"/>.</summary>
    public static DisputeFigure AtLevel(MediationLevel level) =>
        level switch
        {
            MediationLevel.HouseholdHead => DisputeFigure.ResolvedAtLevel1,
            MediationLevel.Village => DisputeFigure.ResolvedAtLevel2,
            MediationLevel.PoliceOffice => DisputeFigure.ResolvedAtLevel3,
            MediationLevel.County => DisputeFigure.ResolvedAtLevel4,
            _ => throw new ArgumentOutOfRangeException(nameof(level)),
        };

    /// <summary>The definition shown beside each figure, in Chinese.</summary>
    public static string Definition(DisputeFigure figure) =>
        figure switch
        {
            DisputeFigure.Accepted => "受理：登记时间在统计期内的纠纷件数。",
            DisputeFigure.Resolved =>
                "化解：统计期内登记过“化解”（含移交单位反馈已化解）的纠纷件数（按纠纷计，一件在期内多次化解只计一次；之后复发重启的仍计入其化解当期）。",
            DisputeFigure.AcceptedResolved => "本期受理且已化解：统计期内受理的纠纷中，截至目前已化解、且化解后未复发重启的件数。",
            DisputeFigure.WithinGroup =>
                "不出组：统计期内化解的纠纷中，在一级（百户长/治保会初调）化解的件数；期内多次化解的按最高层级计。",
            DisputeFigure.WithinVillage => "不出村：统计期内化解的纠纷中，在一级或二级（村级复调）化解的件数。",
            DisputeFigure.WithinTown =>
                "不出镇：统计期内化解的纠纷中，在一至三级（警务室联调/综合调解室）化解、未上交县级的件数（经移交由其他单位化解的不计入各层级）。",
            DisputeFigure.Referred => "移交：统计期内通过警调衔接移交司法所、法院等单位的纠纷件数。",
            DisputeFigure.Recurred => "复发：统计期内化解、之后（截至目前）因复发被重启的纠纷件数。",
            DisputeFigure.Confirmed => "司法确认：调解协议在统计期内经人民法院司法确认有效的纠纷件数（以法院确认日期计）。",
            DisputeFigure.ResolvedAtLevel1 =>
                "一级化解：统计期内化解的纠纷中，在一级（百户长/治保会初调）化解的件数；期内多次化解的按最高层级计。",
            DisputeFigure.ResolvedAtLevel2 => "二级化解：统计期内化解的纠纷中，在二级（村级复调）化解的件数；期内多次化解的按最高层级计。",
            DisputeFigure.ResolvedAtLevel3 =>
                "三级化解：统计期内化解的纠纷中，在三级（警务室联调/综合调解室）化解的件数；期内多次化解的按最高层级计。",
            DisputeFigure.ResolvedAtLevel4 =>
                "四级化解：统计期内化解的纠纷中，上交县级（县矛盾纠纷联调中心）化解的件数；经移交由其他单位化解的不计入任何层级。",
            DisputeFigure.ReferralAcknowledged =>
                "移交签收：统计期内接收单位签收移交的纠纷件数（以签收时间计；未签收直接反馈结果的，反馈即视为签收）。",
            _ => "",
        };

    public static string Label(DisputeFigure figure) =>
        figure switch
        {
            DisputeFigure.Accepted => "受理",
            DisputeFigure.Resolved => "化解",
            DisputeFigure.AcceptedResolved => "本期受理已化解",
            DisputeFigure.WithinGroup => "不出组",
            DisputeFigure.WithinVillage => "不出村",
            DisputeFigure.WithinTown => "不出镇",
            DisputeFigure.Referred => "移交",
            DisputeFigure.Recurred => "复发",
            DisputeFigure.Confirmed => "司法确认",
            DisputeFigure.ResolvedAtLevel1 => "一级化解",
            DisputeFigure.ResolvedAtLevel2 => "二级化解",
            DisputeFigure.ResolvedAtLevel3 => "三级化解",
            DisputeFigure.ResolvedAtLevel4 => "四级化解",
            DisputeFigure.ReferralAcknowledged => "移交签收",
            _ => figure.ToString(),
        };

    public const string ResolutionRateDefinition =
        "化解率 = 本期受理且已化解的件数 ÷ 本期受理件数（截至目前；化解后复发重启、尚未再次化解的不计为已化解）。";

    public const string LevelShareDefinition = "层级占比 = 不出组（或不出村、不出镇）件数 ÷ 统计期内化解件数。";

    public const string AverageDaysDefinition = "平均化解天数 = 统计期内化解的纠纷，从登记到期内（最后一次）化解所经历天数的平均值。";

    public const string RecurrenceRateDefinition = "复发率 = 复发件数 ÷ 统计期内化解件数。";

    public const string YearOnYearDefinition =
        "同比：与上一年同一日期区间的同一指标相比；件数和天数给出增减量和增减百分比，比率给出增减的百分点。";
}
