using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Volunteers.Honours;

/// <summary>Yearly ranking and certificates of honour, read from the credit ledger only, and manual
/// adjustments of that ledger. Everything is limited to volunteers in the caller's scope.</summary>
public sealed class HonourService(LianxinDbContext db, ICurrentUser user)
{
    public const int MaxAdjustHours = 1000;
    public const int MaxAdjustPoints = 10_000;

    public async Task<RankingResult> RankingAsync(
        int year,
        RankingOrder by,
        Guid? orgUnitId,
        PageRequest page,
        CancellationToken ct = default
    )
    {
        user.Demand(Permissions.VolunteersRead);
        var (ranked, unitName) = await RankAllAsync(year, by, orgUnitId, ct);
        var slice = ranked.Skip(page.Skip).Take(page.PageSize).ToList();
        var rows = await RowsAsync(slice, ct);
        return new RankingResult(year, by, orgUnitId, unitName, new PagedResult<RankingRow>(rows, ranked.Count, page.Page, page.PageSize));
    }

    public async Task<IReadOnlyList<RankingRow>> ExportRankingAsync(
        int year,
        RankingOrder by,
        Guid? orgUnitId,
        int max,
        CancellationToken ct = default
    )
    {
        user.Demand(Permissions.VolunteersExport);
        var (ranked, unitName) = await RankAllAsync(year, by, orgUnitId, ct);
        var rows = await RowsAsync(ranked.Take(max).ToList(), ct);
        db.Audit(
            AuditAction.Export,
            nameof(VolunteerCredit),
            null,
            $"导出义警 {year} 年{(by == RankingOrder.Points ? "积分" : "时长")}排行（{unitName}）{rows.Count} 条"
        );
        await db.SaveChangesAsync(ct);
        return rows;
    }

    /// <summary>The certificate of honour for a volunteer's year, ranked by hours among the volunteers of
    /// their station. Printing it is recorded in the audit log.</summary>
    public async Task<HonourCertificate> CertificateAsync(Guid volunteerId, int year, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var (start, end) = HonourYear.Bounds(year, db.Now);
        var scope = await user.GetScopeAsync(ct);
        var v = await db
            .Volunteers.AsNoTracking()
            .Where(scope.Filter<Volunteer>())
            .Where(x => x.Id == volunteerId)
            .Select(x => new
            {
                x.Id,
                x.Name,
                Unit = x.OrgUnit!.Name,
                x.OrgUnit.Path,
            })
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
        var station = await StationLookup.StationOfAsync(db, v.Path, ct);
        var totals = await TotalsAsync(
            db.Volunteers.AsNoTracking().Where(new DataScope(false, [station.Path], [], null).Filter<Volunteer>()),
            start,
            end,
            ct
        );
        var ranked = HonourRanking.Rank(totals, RankingOrder.Hours);
        var mine = ranked.FirstOrDefault(r => r.Total.VolunteerId == volunteerId)
            ?? throw new ConflictException($"该义警 {year} 年没有服务时长和积分记录，不能出具荣誉证书");
        db.Audit(
            AuditAction.Print,
            nameof(Volunteer),
            volunteerId.ToString(),
            $"打印荣誉证书：{PersonName.Mask(v.Name)}，{year} 年，服务 {HoursRule.ToHours(mine.Total.Minutes)} 小时，第 {mine.Rank} 名"
        );
        await db.SaveChangesAsync(ct);
        return new HonourCertificate(
            v.Id,
            v.Name,
            year,
            mine.Rank,
            ranked.Count,
            mine.Total.Minutes,
            mine.Total.Points,
            station.Name,
            v.Unit,
            ChinaTime.Day(db.Now)
        );
    }

    public async Task<CreditView> AdjustAsync(CreditAdjustmentInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersManage);
        var checks = new Checks().Required("reason", input.Reason, "调整原因", 200);
        if (input.VolunteerId is null)
            checks.Add("volunteerId", "请指定义警");
        var minutes = input.Hours is { } h ? Math.Round(h * 60m, MidpointRounding.AwayFromZero) : 0;
        if (Math.Abs(minutes) > MaxAdjustHours * 60)
            checks.Add("hours", $"调整的时长须在 -{MaxAdjustHours} 到 {MaxAdjustHours} 小时之间");
        if (input.Points is { } p && Math.Abs(p) > MaxAdjustPoints)
            checks.Add("points", $"调整的积分须在 -{MaxAdjustPoints} 到 {MaxAdjustPoints} 之间");
        if (checks.Ok && minutes == 0 && (input.Points ?? 0) == 0)
            checks.Add("hours", "请填写要调整的时长或积分（可为负数）");
        checks.ThrowIfAny();
        var scope = await user.GetScopeAsync(ct);
        var v = await db
            .Volunteers.AsNoTracking()
            .Where(scope.Filter<Volunteer>())
            .Where(x => x.Id == input.VolunteerId)
            .Select(x => new
            {
                x.Id,
                x.Name,
                x.OrgUnitId,
                x.Status,
            })
            .FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("义警不存在或不在您的管辖范围内");
        if (v.Status is VolunteerStatus.Applicant or VolunteerStatus.Declined)
            throw new ConflictException("尚未入队的申请人不能调整时长和积分");
        var credit = new VolunteerCredit
        {
            VolunteerId = v.Id,
            OrgUnitId = v.OrgUnitId,
            Source = CreditSource.Adjustment,
            Minutes = (int)minutes,
            Points = input.Points ?? 0,
            Reason = input.Reason!.Trim(),
            At = db.Now,
            ById = user.UserId,
        };
        db.VolunteerCredits.Add(credit);
        db.Audit(
            AuditAction.Create,
            nameof(VolunteerCredit),
            credit.Id.ToString(),
            $"人工调整 {PersonName.Mask(v.Name)} 的时长 {HoursRule.ToHours(credit.Minutes):+0.#;-0.#;0} 小时、"
                + $"积分 {credit.Points:+0;-0;0}：{credit.Reason}"
        );
        await db.SaveChangesAsync(ct);
        return View(credit);
    }

    /// <summary>One volunteer's ledger for a year, newest first (for staff checking a total before adjusting it).</summary>
    public async Task<PagedResult<CreditView>> CreditsAsync(Guid volunteerId, int year, PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersRead);
        var (start, end) = HonourYear.Bounds(year, db.Now);
        var scope = await user.GetScopeAsync(ct);
        if (!await db.Volunteers.AsNoTracking().Where(scope.Filter<Volunteer>()).AnyAsync(x => x.Id == volunteerId, ct))
            throw new NotFoundException();
        var q = db.VolunteerCredits.AsNoTracking().Where(c => c.VolunteerId == volunteerId && c.At >= start && c.At < end);
        return (await q.OrderByDescending(c => c.At).ThenBy(c => c.Id).ToPageAsync(page, ct)).Select(View);
    }

    /// <summary>The signed-in volunteer's own year; null when the account is not a volunteer.</summary>
    public async Task<MyHonours?> MineAsync(CancellationToken ct = default)
    {
        if (user.UserId is not { } uid)
            throw new ForbiddenException();
        var v = await db
            .Volunteers.AsNoTracking()
            .Where(x => x.UserId == uid)
            .Select(x => new { x.Id, x.OrgUnit!.Path })
            .FirstOrDefaultAsync(ct);
        if (v is null)
            return null;
        var year = ChinaTime.Day(db.Now).Year;
        var (start, end) = HonourYear.Bounds(year, db.Now);
        var station = await StationLookup.StationOfAsync(db, v.Path, ct);
        var ranked = HonourRanking.Rank(
            await TotalsAsync(
                db.Volunteers.AsNoTracking().Where(new DataScope(false, [station.Path], [], null).Filter<Volunteer>()),
                start,
                end,
                ct
            ),
            RankingOrder.Hours
        );
        var mine = ranked.FirstOrDefault(r => r.Total.VolunteerId == v.Id);
        return new MyHonours(year, mine?.Total.Minutes ?? 0, mine?.Total.Points ?? 0, mine?.Rank, ranked.Count, station.Name);
    }

    private async Task<(IReadOnlyList<RankedTotal> Ranked, string UnitName)> RankAllAsync(
        int year,
        RankingOrder by,
        Guid? orgUnitId,
        CancellationToken ct
    )
    {
        if (!Enum.IsDefined(by))
            throw new ValidationFailedException("by", "排序方式只能是 Hours（时长）或 Points（积分）");
        var (start, end) = HonourYear.Bounds(year, db.Now);
        var scope = await user.GetScopeAsync(ct);
        var vols = db.Volunteers.AsNoTracking().Where(scope.Filter<Volunteer>());
        var unitName = "全部管辖范围";
        if (orgUnitId is { } id)
        {
            var unit = await db.UnitInScopeAsync(scope, id, ct);
            vols = vols.Where(new DataScope(false, [unit.Path], [], null).Filter<Volunteer>());
            unitName = unit.Name;
        }
        return (HonourRanking.Rank(await TotalsAsync(vols, start, end, ct), by), unitName);
    }

    /// <summary>One grouped query: each volunteer's minutes and points in [start, end).</summary>
    private Task<List<VolunteerTotal>> TotalsAsync(
        IQueryable<Volunteer> vols,
        DateTimeOffset start,
        DateTimeOffset end,
        CancellationToken ct
    ) =>
        (
            from c in db.VolunteerCredits.AsNoTracking()
            join v in vols on c.VolunteerId equals v.Id
            where c.At >= start && c.At < end
            group c by c.VolunteerId into g
            select new VolunteerTotal(g.Key, g.Sum(c => (long)c.Minutes), g.Sum(c => (long)c.Points))
        ).ToListAsync(ct);

    private async Task<List<RankingRow>> RowsAsync(List<RankedTotal> slice, CancellationToken ct)
    {
        var ids = slice.Select(r => r.Total.VolunteerId).ToList();
        var people = await db
            .Volunteers.AsNoTracking()
            .Where(v => ids.Contains(v.Id))
            .Select(v => new
            {
                v.Id,
                v.Name,
                Unit = v.OrgUnit!.Name,
            })
            .ToDictionaryAsync(v => v.Id, ct);
        return slice
            .Select(r =>
            {
                var p = people.GetValueOrDefault(r.Total.VolunteerId);
                return new RankingRow(
                    r.Rank,
                    r.Total.VolunteerId,
                    PersonName.Mask(p?.Name ?? ""),
                    p?.Unit,
                    r.Total.Minutes,
                    r.Total.Points
                );
            })
            .ToList();
    }

    private static CreditView View(VolunteerCredit c) =>
        new(c.Id, c.VolunteerId, c.Source, c.SourceId, c.Minutes, c.Points, c.Reason, c.At);
}
