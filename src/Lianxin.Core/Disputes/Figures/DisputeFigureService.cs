using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes.Figures;

/// <summary>Dispute figures for a unit's subtree within the caller's data scope. Every count is a
/// COUNT in the database over the rule in <see cref="DisputeFigureRules"/>, the same rule the ledger
/// filters with; no dispute is loaded to count it.</summary>
public sealed class DisputeFigureService(LianxinDbContext db, ICurrentUser user)
{
    private static readonly DisputeFigure[] Counted = Enum.GetValues<DisputeFigure>();

    public async Task<DisputeFigures> GetAsync(Guid? orgUnitId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var period = DisputePeriod.Of(from, to, db.Now);
        var scope = await user.GetScopeAsync(ct);
        var q = db.Disputes.AsNoTracking().Where(scope.Filter<Dispute>());
        var unitName = "全部管辖范围";
        if (orgUnitId is { } id)
        {
            var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException("单位不存在");
            if (!scope.Covers(unit)) throw new ForbiddenException("该单位不在您的管辖范围内");
            unitName = unit.Name;
            q = q.Where(new DataScope(false, [unit.Path], [], null).Filter<Dispute>());
        }
        var current = await ComputeAsync(q, db.Disputes.AsNoTracking(), db.MediationAgreements.AsNoTracking(), period, ct);
        var previous = await ComputeAsync(q, db.Disputes.AsNoTracking(), db.MediationAgreements.AsNoTracking(), period.YearEarlier(), ct);
        return new DisputeFigures(orgUnitId, unitName, current, previous, Definitions);
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

    private static async Task<DisputeFigureSet> ComputeAsync(IQueryable<Dispute> scoped, IQueryable<Dispute> all,
        IQueryable<MediationAgreement> agreements, DisputePeriod period, CancellationToken ct)
    {
        var counts = new Dictionary<DisputeFigure, int>();
        foreach (var figure in Counted)
            counts[figure] = await scoped.Where(DisputeFigureRules.Selection(figure, period, all, agreements)).CountAsync(ct);

        // Time from registration to the (last) resolution in the period. Times are stored in a provider
        // form that SQL cannot subtract on every engine, so only these two instants of the resolved
        // disputes are read and averaged here.
        double? averageDays = null;
        if (counts[DisputeFigure.Resolved] > 0)
        {
            var start = period.Start;
            var end = period.End;
            var spans = await scoped.Where(DisputeFigureRules.Selection(DisputeFigure.Resolved, period, all, agreements))
                .Select(d => new
                {
                    d.RegisteredAt,
                    ResolvedAt = d.Events.Where(e => (e.Kind == DisputeEventKind.Resolved
                        || (e.Kind == DisputeEventKind.ReferralResultReported && e.ToStatus == DisputeStatus.Resolved)) && e.At >= start && e.At < end).Max(e => e.At),
                })
                .ToListAsync(ct);
            averageDays = spans.Count == 0 ? null : Math.Round(spans.Average(s => (s.ResolvedAt - s.RegisteredAt).TotalDays), 1);
        }
        return new DisputeFigureSet(period, counts[DisputeFigure.Accepted], counts[DisputeFigure.Resolved], counts[DisputeFigure.AcceptedResolved],
            counts[DisputeFigure.WithinGroup], counts[DisputeFigure.WithinVillage], counts[DisputeFigure.WithinTown],
            counts[DisputeFigure.Referred], counts[DisputeFigure.Recurred], averageDays, counts[DisputeFigure.Confirmed]);
    }
}
