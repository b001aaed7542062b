using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes.Figures;

/// <summary>Dispute figures for a unit's subtree within the caller's data scope, by the rules in
/// <see cref="DisputeFigureRules"/> (the same rules the ledger filters with).
///
/// Counted from the daily tallies (<see cref="DisputeTally"/>): one sum over the units' days in the
/// period (reopened and twice-referred disputes included, no timeline is read), plus the judicial
/// confirmations from the agreements and the acknowledgements from the referrals. A scope that includes "own records"
/// (an informant's) is not a set of units, so it is counted directly with the ledger's rules; that is
/// also the reference the tallies are tested against (<see cref="CountDirectAsync"/>).</summary>
public sealed class DisputeFigureService(LianxinDbContext db, ICurrentUser user)
{
    private static readonly DisputeFigure[] Counted = Enum.GetValues<DisputeFigure>();

    public async Task<DisputeFigures> GetAsync(Guid? orgUnitId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var period = ChinaPeriod.Of(from, to, db.Now);
        var (scope, unit) = await ScopeAsync(orgUnitId, ct);
        var previousPeriod = period.YearEarlier();
        DisputeFigureSet current,
            previous;
        if (scope.OwnRecordsOf is not null)
        {
            var scoped = Scoped(scope, unit);
            current = await CountDirectAsync(scoped, period, ct);
            previous = await CountDirectAsync(scoped, previousPeriod, ct);
        }
        else
        {
            (current, previous) = await CountTalliedAsync(scope, unit, period, previousPeriod, ct);
        }
        return new DisputeFigures(orgUnitId, unit?.Name ?? "全部管辖范围", current, previous, Definitions);
    }

    /// <summary>The figures counted directly over the disputes with the ledger's rules, one COUNT per figure.
    /// Slower (every figure reads the timelines of the whole scope), exact by definition.</summary>
    public async Task<DisputeFigureSet> GetDirectAsync(Guid? orgUnitId, ChinaPeriod period, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var (scope, unit) = await ScopeAsync(orgUnitId, ct);
        return await CountDirectAsync(Scoped(scope, unit), period, ct);
    }

    public static IReadOnlyList<DisputeFigureDefinition> Definitions { get; } =
    [
        .. Counted.Select(f => new DisputeFigureDefinition(f.ToString(), DisputeFigureRules.Label(f), DisputeFigureRules.Definition(f))),
        new("ResolutionRate", "化解率", DisputeFigureRules.ResolutionRateDefinition),
        new("LevelShare", "层级占比", DisputeFigureRules.LevelShareDefinition),
        new("AverageDaysToResolve", "平均化解天数", DisputeFigureRules.AverageDaysDefinition),
        new("RecurrenceRate", "复发率", DisputeFigureRules.RecurrenceRateDefinition),
        new("YearOnYear", "同比", DisputeFigureRules.YearOnYearDefinition),
    ];

    private async Task<(DataScope Scope, Organization.OrgUnit? Unit)> ScopeAsync(Guid? orgUnitId, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        if (orgUnitId is not { } id)
            return (scope, null);
        var unit = await db.UnitInScopeAsync(scope, id, ct);
        return (scope, unit);
    }

    private IQueryable<Dispute> Scoped(DataScope scope, Organization.OrgUnit? unit)
    {
        var q = db.Disputes.AsNoTracking().Where(scope.Filter<Dispute>());
        return unit is null ? q : q.Where(new DataScope(false, [unit.Path], [], null).Filter<Dispute>());
    }

    private async Task<(DisputeFigureSet Current, DisputeFigureSet Previous)> CountTalliedAsync(
        DataScope scope,
        Organization.OrgUnit? unit,
        ChinaPeriod current,
        ChinaPeriod previous,
        CancellationToken ct
    )
    {
        var units = db.OrgUnits.AsNoTracking().Where(scope.UnitFilter());
        if (unit is not null)
            units = units.Where(new DataScope(false, [unit.Path], [], null).UnitFilter());
        var unitIds = units.Select(u => u.Id);

        // PostgreSQL sums both periods in one statement (one scan of the tallies, one round trip), each row grouped by the
        // periods it counts in (1 the current, 2 the year before, 3 both when they overlap). SQLite reads each period's
        // range of its (Day, OrgUnitId) index instead: for the two ranges joined by OR it collects row ids first, ten
        // times slower. A row with a neighbouring step in a period is counted by that step's row instead
        // (DisputeTally.PreviousDay, NextDay).
        var tallies = db.DisputeTallies.AsNoTracking().Where(t => unitIds.Contains(t.OrgUnitId));
        List<TallySum> groups;
        if (db.IsPostgres)
        {
            var (from1, to1, from2, to2) = (current.From, current.To, previous.From, previous.To);
            groups = await Summed(
                    tallies
                        .Where(t =>
                            (t.Day >= from1 && t.Day <= to1 && t.PreviousDay < from1 && t.NextDay > to1)
                            || (t.Day >= from2 && t.Day <= to2 && t.PreviousDay < from2 && t.NextDay > to2)
                        )
                        .GroupBy(t =>
                            (t.Day >= from1 && t.Day <= to1 && t.PreviousDay < from1 && t.NextDay > to1 ? 1 : 0)
                            + (t.Day >= from2 && t.Day <= to2 && t.PreviousDay < from2 && t.NextDay > to2 ? 2 : 0)
                        )
                )
                .ToListAsync(ct);
        }
        else
        {
            groups = [];
            foreach (var (period, bit) in new[] { (current, 1), (previous, 2) })
            {
                var (from, to) = (period.From, period.To);
                var sums = await Summed(
                        tallies.Where(t => t.Day >= from && t.Day <= to && t.PreviousDay < from && t.NextDay > to).GroupBy(_ => 1)
                    )
                    .ToListAsync(ct);
                groups.AddRange(sums.Select(g => g with { Periods = bit }));
            }
        }

        return (await SetAsync(current, 1), await SetAsync(previous, 2));

        async Task<DisputeFigureSet> SetAsync(ChinaPeriod period, int bit)
        {
            var (from, to) = (period.From, period.To);
            var sum = TallySum.Total(groups.Where(g => (g.Periods & bit) != 0));
            var counts = new Dictionary<DisputeFigure, int>
            {
                [DisputeFigure.Accepted] = sum.Accepted,
                [DisputeFigure.AcceptedResolved] = sum.AcceptedResolved,
                [DisputeFigure.Resolved] = sum.Resolved,
                [DisputeFigure.WithinGroup] = sum.Level1,
                [DisputeFigure.WithinVillage] = sum.Level1 + sum.Level2,
                [DisputeFigure.WithinTown] = sum.Level1 + sum.Level2 + sum.Level3,
                [DisputeFigure.Referred] = sum.Referred,
                [DisputeFigure.Recurred] = sum.Recurred,
                [DisputeFigure.ResolvedAtLevel1] = sum.Level1,
                [DisputeFigure.ResolvedAtLevel2] = sum.Level2,
                [DisputeFigure.ResolvedAtLevel3] = sum.Level3,
                [DisputeFigure.ResolvedAtLevel4] = sum.Level4,
            };
            var milliseconds = sum.Milliseconds;
            // The ledger's rule for confirmations, asked from the agreements' side: the period's few
            // confirmations, each checked against the scope.
            var scoped = Scoped(scope, unit);
            var confirmed = await db
                .MediationAgreements.AsNoTracking()
                .Where(a => a.JudicialResult == JudicialResult.Confirmed && a.JudicialDecidedOn >= from && a.JudicialDecidedOn <= to)
                .Where(a => scoped.Any(d => d.Id == a.DisputeId))
                .Select(a => a.DisputeId)
                .Distinct()
                .CountAsync(ct);
            // Acknowledgements are a referral's, not a timeline's step (a result can acknowledge without one):
            // the ledger's rule, asked from the referrals' side through their (AcknowledgedAt) index.
            var (start, end) = (period.Start, period.End);
            counts[DisputeFigure.ReferralAcknowledged] = await db
                .Referrals.AsNoTracking()
                .Where(r => r.AcknowledgedAt >= start && r.AcknowledgedAt < end)
                .Where(r => scoped.Any(d => d.Id == r.DisputeId))
                .Select(r => r.DisputeId)
                .Distinct()
                .CountAsync(ct);
            var resolved = counts[DisputeFigure.Resolved];
            double? averageDays =
                resolved == 0 ? null : Math.Round(TimeSpan.FromMilliseconds((double)milliseconds / resolved).TotalDays, 1);
            counts[DisputeFigure.Confirmed] = confirmed;
            return DisputeFigureSet.Of(period, counts, averageDays);
        }
    }

    private static IQueryable<TallySum> Summed(IQueryable<IGrouping<int, DisputeTally>> groups) =>
        groups.Select(g => new TallySum(
            g.Key,
            g.Sum(t => t.Accepted),
            g.Sum(t => t.AcceptedResolved),
            g.Sum(t => t.Resolved),
            g.Sum(t => t.ResolvedLevel1),
            g.Sum(t => t.ResolvedLevel2),
            g.Sum(t => t.ResolvedLevel3),
            g.Sum(t => t.ResolvedLevel4),
            g.Sum(t => t.Referred),
            g.Sum(t => t.Recurred),
            g.Sum(t => t.MillisecondsToResolve)
        ));

    /// <summary>The tallies summed over the rows that count in the periods <see cref="Periods"/> names (1, 2 or both).</summary>
    private sealed record TallySum(
        int Periods,
        int Accepted,
        int AcceptedResolved,
        int Resolved,
        int Level1,
        int Level2,
        int Level3,
        int Level4,
        int Referred,
        int Recurred,
        long Milliseconds
    )
    {
        public static TallySum Total(IEnumerable<TallySum> parts) =>
            parts.Aggregate(new TallySum(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), (a, b) =>
                new TallySum(
                    a.Periods | b.Periods,
                    a.Accepted + b.Accepted,
                    a.AcceptedResolved + b.AcceptedResolved,
                    a.Resolved + b.Resolved,
                    a.Level1 + b.Level1,
                    a.Level2 + b.Level2,
                    a.Level3 + b.Level3,
                    a.Level4 + b.Level4,
                    a.Referred + b.Referred,
                    a.Recurred + b.Recurred,
                    a.Milliseconds + b.Milliseconds
                )
            );
    }

    private async Task<DisputeFigureSet> CountDirectAsync(IQueryable<Dispute> scoped, ChinaPeriod period, CancellationToken ct)
    {
        var all = db.Disputes.AsNoTracking();
        var agreements = db.MediationAgreements.AsNoTracking();
        var referrals = db.Referrals.AsNoTracking();
        var counts = new Dictionary<DisputeFigure, int>();
        foreach (var figure in Counted)
            counts[figure] = await scoped.Where(DisputeFigureRules.Selection(figure, period, all, agreements, referrals)).CountAsync(ct);

        // Time from registration to the (last) resolution in the period. Times are stored in a provider
        // form that SQL cannot subtract on every engine, so only these two instants of the resolved
        // disputes are read and averaged here.
        double? averageDays = null;
        if (counts[DisputeFigure.Resolved] > 0)
        {
            var start = period.Start;
            var end = period.End;
            var spans = await scoped
                .Where(DisputeFigureRules.Selection(DisputeFigure.Resolved, period, all, agreements, referrals))
                .Select(d => new
                {
                    d.RegisteredAt,
                    ResolvedAt = d
                        .Events.Where(e =>
                            (
                                e.Kind == DisputeEventKind.Resolved
                                || (e.Kind == DisputeEventKind.ReferralResultReported && e.ToStatus == DisputeStatus.Resolved)
                            )
                            && e.At >= start
                            && e.At < end
                        )
                        .Max(e => e.At),
                })
                .ToListAsync(ct);
            averageDays = spans.Count == 0 ? null : Math.Round(spans.Average(s => (s.ResolvedAt - s.RegisteredAt).TotalDays), 1);
        }
        return DisputeFigureSet.Of(period, counts, averageDays);
    }
}
