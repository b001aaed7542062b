using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Incidents.Cases;

/// <summary>Public-security cases with 1/3/7-day limits, within the caller's data scope.</summary>
public sealed class CaseService(LianxinDbContext db, ICurrentUser user, IOptions<CaseOptions> options)
{
    public static IReadOnlyList<Statistics.StatisticDefinition> Definitions { get; } =
    [
        new("Registered", "登记案件", "登记时间（北京时间）在所选日期内（含首尾两日）、办案单位在所选单位及其下级的治安案件。"),
        new(
            "ConcludedInTime",
            "按期办结",
            "在办理时限届满前（含届满时刻）办结的案件。时限自登记时起按小时计算：简易 1 天即 24 小时，一般 3 天即 72 小时，复杂 7 天即 168 小时（以登记时的设置为准）。"
        ),
        new("ConcludedLate", "超期办结", "在办理时限届满之后才办结的案件。"),
        new("OpenOverdue", "超期未结", "至今仍在办理、已超过办理时限的案件。"),
        new("OpenInTime", "在办未超期", "至今仍在办理、尚未超过办理时限的案件。"),
        new("Warning", "临期预警", "用时达到时限的 75% 时向所长/教导员发送预警，超期时再次提醒。"),
    ];

    public async Task<PublicSecurityCase> RegisterAsync(CaseInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsAnalyse);
        var checks = new Checks()
            .Required("number", input.Number, "案件编号", TextLimits.Code)
            .Required("title", input.Title, "案件名称", TextLimits.Title)
            .Optional("summary", input.Summary, "简要案情", TextLimits.Text)
            .Optional("handlingOfficer", input.HandlingOfficer, "办案民警", TextLimits.Name);
        if (input.Kind is not { } kind || !Enum.IsDefined(kind))
            checks.Add("kind", "请选择案件类型（简易、一般或复杂）");
        if (input.OrgUnitId is null && input.IncidentId is null)
            checks.Add("orgUnitId", "请选择办案单位");
        if (string.IsNullOrWhiteSpace(input.HandlingOfficerId) && string.IsNullOrWhiteSpace(input.HandlingOfficer))
            checks.Add("handlingOfficer", "请指定办案民警");
        checks.ThrowIfAny();
        var scope = await user.GetScopeAsync(ct);
        Incident? incident = null;
        if (input.IncidentId is { } incidentId)
        {
            incident = await db.Incidents.Where(scope.Filter<Incident>()).FirstOrDefaultAsync(i => i.Id == incidentId, ct)
                ?? throw new ValidationFailedException("incidentId", "警情不存在或不在您的管辖范围内");
            incident.EnsureCaseCanBeRegistered();
        }
        var unitId = input.OrgUnitId ?? incident!.OrgUnitId;
        var unit = await db.UnitInScopeAsync(scope, unitId, ct);
        var number = input.Number!.Trim();
        if (await db.PublicSecurityCases.AnyAsync(c => c.Number == number, ct))
            throw new ConflictException($"案件编号 {number} 已登记");

        var officerName = Checks.Clean(input.HandlingOfficer);
        string? officerId = null;
        if (Checks.Clean(input.HandlingOfficerId) is { } oid)
        {
            var officer = await db
                .Users.AsNoTracking()
                .Where(u => u.Id == oid && !u.IsDisabled)
                .Select(u => new
                {
                    u.Id,
                    u.DisplayName,
                    u.OrgUnitId,
                })
                .FirstOrDefaultAsync(ct);
            var officerUnit = officer?.OrgUnitId is { } ou
                ? await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == ou, ct)
                : null;
            if (officer is null || officerUnit is null || !scope.Covers(officerUnit))
                throw new ValidationFailedException("handlingOfficerId", "办案民警账号不存在或不在您的管辖范围内");
            officerId = officer.Id;
            officerName ??= officer.DisplayName;
        }

        var kindValue = input.Kind!.Value;
        var c = PublicSecurityCase.Register(
            number,
            input.Title!.Trim(),
            kindValue,
            options.Value.LimitFor(kindValue),
            unit.Id,
            incident?.Id,
            officerId,
            officerName ?? "",
            Checks.Clean(input.Summary),
            db.Now
        );
        db.PublicSecurityCases.Add(c);
        incident?.RegisterCase(c.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two registrations of one number at the same moment: the unique index refuses the second.
            db.ChangeTracker.Clear();
            if (await db.PublicSecurityCases.AsNoTracking().AnyAsync(x => x.Number == number, ct))
                throw new ConflictException($"案件编号 {number} 已登记");
            throw;
        }
        return c;
    }

    public async Task<PagedResult<CaseRow>> ListAsync(CaseFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = await QueryAsync(f, ct);
        // Open cases first, the nearest deadline on top; then the concluded, newest first.
        var items = await q.OrderBy(c => c.Status)
            .ThenBy(c => c.Status == CaseStatus.Open ? c.DueAt : c.RegisteredAt)
            .ThenByDescending(c => c.RegisteredAt)
            .ThenBy(c => c.Id)
            .ToPageAsync(page, Project, ct);
        var now = db.Now;
        return items.Select(r => WithTime(r, now));
    }

    public async Task<CaseRow> GetAsync(Guid id, CancellationToken ct = default)
    {
        var q = await QueryAsync(new CaseFilter(), ct);
        var row = await Project(q.Where(c => c.Id == id)).FirstOrDefaultAsync(ct) ?? throw new NotFoundException("案件不存在");
        return WithTime(row, db.Now);
    }

    public async Task<PublicSecurityCase> ConcludeAsync(Guid id, CaseConcludeInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsAnalyse);
        new Checks().Required("conclusion", input.Conclusion, "办结情况", TextLimits.Text).ThrowIfAny();
        var scope = await user.GetScopeAsync(ct);
        var c = await db.PublicSecurityCases.Where(scope.Filter<PublicSecurityCase>()).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException("案件不存在");
        Concurrency.Expect(db, c, input.Version);
        c.Conclude(input.Conclusion!, db.Now);
        await db.SaveChangesAsync(ct);
        return c;
    }

    /// <summary>Overdue figures for the cases registered in a period, in a unit's subtree within the caller's scope.</summary>
    public async Task<CaseFigures> FiguresAsync(Guid? orgUnitId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRead);
        var period = ChinaPeriod.Of(from, to, db.Now);
        var q = await QueryAsync(new CaseFilter(OrgUnitId: orgUnitId), ct);
        var (start, end, now) = (period.Start, period.End, db.Now);
        var counts = await q.Where(c => c.RegisteredAt >= start && c.RegisteredAt < end)
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Registered = g.Count(),
                InTime = g.Count(c => c.Status == CaseStatus.Concluded && c.ConcludedAt <= c.DueAt),
                Late = g.Count(c => c.Status == CaseStatus.Concluded && c.ConcludedAt > c.DueAt),
                OpenOverdue = g.Count(c => c.Status == CaseStatus.Open && c.DueAt <= now),
                OpenInTime = g.Count(c => c.Status == CaseStatus.Open && c.DueAt > now),
            })
            .FirstOrDefaultAsync(ct);
        var name = orgUnitId is { } id ? await db.OrgUnits.Where(u => u.Id == id).Select(u => u.Name).FirstOrDefaultAsync(ct) : null;
        return new CaseFigures(
            orgUnitId,
            name ?? "全部管辖范围",
            period,
            counts?.Registered ?? 0,
            counts?.InTime ?? 0,
            counts?.Late ?? 0,
            counts?.OpenOverdue ?? 0,
            counts?.OpenInTime ?? 0,
            Definitions
        );
    }

    private async Task<IQueryable<PublicSecurityCase>> QueryAsync(CaseFilter f, CancellationToken ct)
    {
        user.Demand(Permissions.IncidentsRead);
        var scope = await user.GetScopeAsync(ct);
        var q = db.PublicSecurityCases.AsNoTracking().Where(scope.Filter<PublicSecurityCase>());
        if (Checks.SearchTerm(f.Q) is { } text)
        {
            q = q.Where(c => c.Number.Contains(text) || c.Title.Contains(text) || c.HandlingOfficer.Contains(text));
        }
        if (f.Status is { } s)
        {
            if (!Enum.IsDefined(s))
                throw new ValidationFailedException("status", "案件状态无效");
            q = q.Where(c => c.Status == s);
        }
        if (f.Kind is { } k)
        {
            if (!Enum.IsDefined(k))
                throw new ValidationFailedException("kind", "案件类型无效");
            q = q.Where(c => c.Kind == k);
        }
        var now = db.Now;
        if (f.Overdue == true)
            q = q.Where(c => c.Status == CaseStatus.Open && c.DueAt <= now);
        if (f.Overdue == false)
            q = q.Where(c => !(c.Status == CaseStatus.Open && c.DueAt <= now));
        if (f.Nearing == true)
            q = q.Where(c => c.Status == CaseStatus.Open && c.WarnAt <= now && c.DueAt > now);
        if (f.OrgUnitId is { } unitId)
        {
            var unit = await db.UnitInScopeAsync(scope, unitId, ct);
            q = await DataScope.UnderUnitAsync(q, db, unitId, ct);
        }
        return q;
    }

    private IQueryable<CaseRow> Project(IQueryable<PublicSecurityCase> q) =>
        q.Select(c => new CaseRow(
            c.Id,
            c.Number,
            c.Title,
            c.Kind,
            c.LimitDays,
            c.OrgUnitId,
            c.OrgUnit!.Name,
            c.IncidentId,
            db.Incidents.Where(i => i.Id == c.IncidentId).Select(i => i.Number).FirstOrDefault(),
            c.HandlingOfficerId,
            c.HandlingOfficer,
            c.Status,
            c.RegisteredAt,
            c.WarnAt,
            c.DueAt,
            c.ConcludedAt,
            c.Summary,
            c.Conclusion,
            c.WarnedAt,
            c.OverdueNotifiedAt,
            c.Version,
            CaseTimeState.InTime,
            null
        ));

    private static CaseRow WithTime(CaseRow r, DateTimeOffset now)
    {
        var state =
            r.Status == CaseStatus.Concluded ? (r.ConcludedAt <= r.DueAt ? CaseTimeState.ConcludedInTime : CaseTimeState.ConcludedLate)
            : now >= r.DueAt ? CaseTimeState.Overdue
            : now >= r.WarnAt ? CaseTimeState.Nearing
            : CaseTimeState.InTime;
        long? remaining = r.Status == CaseStatus.Open ? (long)Math.Floor((r.DueAt - now).TotalMinutes) : null;
        return r with { TimeState = state, RemainingMinutes = remaining };
    }
}
