using System.Linq.Expressions;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Notifications;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Disputes;

/// <summary>Disputes as a station runs them: registered, moved through tiered mediation, followed up
/// and closed — every step through the rules in <see cref="Dispute"/>, within the caller's scope.</summary>
public sealed class DisputeService(
    LianxinDbContext db,
    ICurrentUser user,
    AddressNormalizer addresses,
    NotificationService notifications,
    IOptions<DisputeOptions> options
)
{
    private DisputeTimeLimits Limits => options.Value.TimeLimits;

    public async Task<Dispute> RegisterAsync(DisputeInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRegister);
        var checks = new Checks();
        if (input.Source is null)
            checks.Add("source", "请选择纠纷来源");
        if (input.OrgUnitId is null)
            checks.Add("orgUnitId", "请选择纠纷所在单位");
        if (input.Parties is { Count: > 50 })
            checks.Add("parties", "当事人不能超过 50 方");
        checks.ThrowIfAny();
        var category = Checks.Clean(input.CategoryCode) ?? "";
        if (
            category.Length > 0
            && !await db.DictionaryItems.AnyAsync(i => i.Category == "dispute-category" && i.Code == category && i.IsActive, ct)
        )
            throw new ValidationFailedException("categoryCode", "纠纷类别不在字典中");
        var unit = await UnitInScope(input.OrgUnitId!.Value, ct);
        var parties = await PartiesAsync(input.Parties ?? [], ct);
        var now = db.Now;
        var dispute = Dispute.Register(
            new DisputeRegistration
            {
                Number = await NextNumberAsync(now, ct),
                Title = input.Title ?? "",
                CategoryCode = category,
                Description = input.Description ?? "",
                Source = input.Source!.Value,
                OrgUnitId = unit.Id,
                Address = input.Address,
                Parties = parties,
            },
            user.UserId ?? "system",
            now
        );
        dispute.AddressKey = addresses.KeyOrEmpty(dispute.Address);
        var red = await DisputeRiskGrader.GradeAsync(db, dispute, null, null, ct);
        db.Disputes.Add(dispute);
        await SaveWithNumberRetryAsync(dispute, ct);
        if (red)
            await NotifyLeadersAsync(dispute, ct);
        if (!user.Has(Permissions.DisputesMediate))
            await NotifyOfficersOfReportAsync(dispute, ct);
        return dispute;
    }

    public async Task<DisputeDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var scope = await user.GetScopeAsync(ct);
        var d = await db
            .Disputes.Where(scope.Filter<Dispute>())
            .AsNoTracking()
            .Include(x => x.OrgUnit)
            .FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        var now = db.Now;
        if (user.FollowsOwnReportsOnly(scope))
            return ForReporter(d, now);
        var risk = DisputeRiskGrader.Grade(d, await DisputeRiskGrader.HistoryAsync(db, d, ct), now);
        var people = d.Events.Select(e => e.ById).Concat(d.FollowUps.Select(f => f.VisitorId)).Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => people.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
        var (incidents, otherIncidents) = await DisputeIncidents.ReadAsync(db, scope, d.Id, ct);
        var related = await DisputeIncidents.RelatedAsync(db, scope, d, ct);
        return new DisputeDetail(
            Row(d),
            d.Description,
            d.Address,
            d.Jurisdiction,
            d.ReferredTo,
            d.RoutesExplained,
            d.ReopenCount,
            d.MediationDueAt(Limits),
            d.IsOverdue(now, Limits),
            d.IsNearingLimit(now, Limits),
            d.Parties.Select(PartyView.From).ToList(),
            d.Events.OrderBy(e => e.At).ThenBy(e => e.Id).Select(e => EventView.From(e, names)).ToList(),
            d.FollowUps.OrderBy(f => f.DueAt).Select(f => FollowUpView.From(f, names)).ToList(),
            d.AllowedActions,
            risk.Factors.Select(f => new RiskFactorView(f.Factor.ToString(), f.Points, f.Reason)).ToList()
        )
        {
            Incidents = incidents,
            OtherIncidents = otherIncidents,
            Related = related,
        };
    }

    /// <summary>A reporter's copy of the detail (the answer to their own registration): the row, their own words and
    /// where it stands; no parties, timeline, visits or risk factors.</summary>
    private DisputeDetail ForReporter(Dispute d, DateTimeOffset now) =>
        new(
            Row(d),
            d.Description,
            d.Address,
            null,
            null,
            OtherRoutes.None,
            d.ReopenCount,
            d.MediationDueAt(Limits),
            d.IsOverdue(now, Limits),
            d.IsNearingLimit(now, Limits),
            [],
            [],
            [],
            [],
            [],
            ReportedDispute.OutcomeOf(d.Status, d.ReferredTo)
        );

    /// <summary>The disputes the caller reported (registered), newest first: status and outcome only.</summary>
    public async Task<PagedResult<ReportedDispute>> ReportedAsync(PageRequest page, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var me = user.UserId ?? "";
        return await db
            .Disputes.AsNoTracking()
            .Where(d => d.RegisteredById == me)
            .OrderByDescending(d => d.RegisteredAt)
            .ThenBy(d => d.Id)
            .ToPageAsync(page, AsReported, ct);
    }

    /// <summary>One dispute the caller reported; anyone else's is a 404.</summary>
    public async Task<ReportedDispute> ReportedAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRead);
        var me = user.UserId ?? "";
        return await AsReported(db.Disputes.AsNoTracking().Where(d => d.Id == id && d.RegisteredById == me)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
    }

    // The labels are worked out on the rows read (EF runs a method in the last projection on the client).
    private static IQueryable<ReportedDispute> AsReported(IQueryable<Dispute> q) =>
        q.Select(d => new ReportedDispute(
            d.Id,
            d.Number,
            d.Title,
            d.Status,
            d.Status.Label(),
            d.OrgUnit == null ? null : d.OrgUnit.Name,
            d.RegisteredAt,
            d.EndedAt,
            ReportedDispute.OutcomeOf(d.Status, d.ReferredTo),
            d.Version
        ));

    public async Task<PagedResult<DisputeRow>> ListAsync(DisputeFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = await QueryAsync(f, ct);
        return await q.ToKeysetPageAsync(page, Ledger, Project, ct);
    }

    /// <summary>The ledger's order, newest first, and its pages by key: the (RegisteredAt) index read backwards from the
    /// last row of the page before, ties on the time broken by id.</summary>
    private static readonly Keyset<Dispute, DisputeRow> Ledger = new(
        "disputes",
        q => q.OrderByDescending(d => d.RegisteredAt).ThenByDescending(d => d.Id),
        c => d => d.RegisteredAt <= c.At && (d.RegisteredAt < c.At || d.Id.CompareTo(c.Id) < 0),
        r => PageCursor.Of(r.RegisteredAt, r.Id)
    );

    public async Task<IReadOnlyList<DisputeRow>> ExportAsync(DisputeFilter f, int max, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesExport);
        var rows = await Project(Ledger.Order(await QueryAsync(f, ct)).Take(max)).ToListAsync(ct);
        db.Audit(Audit.AuditAction.Export, nameof(Dispute), null, $"导出纠纷台账 {rows.Count} 条");
        await db.SaveChangesAsync(ct);
        return rows;
    }

    /// <summary>Takes one step. The version the client read must match, so two people acting on one
    /// dispute at once cannot both succeed.</summary>
    public async Task<Dispute> ActAsync(Guid id, DisputeActionInput input, CancellationToken ct = default)
    {
        user.Demand(input.Action == DisputeAction.EditParties ? Permissions.DisputesRegister : Permissions.DisputesMediate);
        if (input.Action is not { } action || !Enum.IsDefined(action))
            throw new ValidationFailedException("action", "请指定要执行的操作");
        var d = await (await ScopedAsync(ct)).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        Concurrency.Expect(db, d, input.Version);
        var by = user.UserId ?? "system";
        var now = db.Now;
        switch (action)
        {
            case DisputeAction.Triage:
                d.Triage(input.Jurisdiction ?? throw Missing("jurisdiction", "请选择管辖分类"), by, now, input.Reason);
                break;
            case DisputeAction.StartMediation:
                d.StartMediation(input.Level ?? throw Missing("level", "请选择调解层级"), by, now, input.Reason);
                break;
            case DisputeAction.Escalate:
                d.Escalate(input.Level ?? throw Missing("level", "请选择升级到的层级"), by, now, input.Reason ?? "");
                break;
            case DisputeAction.RecordFailedAttempt:
                d.RecordFailedAttempt(by, now, input.Reason ?? "");
                break;
            case DisputeAction.Resolve:
                d.Resolve(by, now, input.Reason);
                var visitor = input.AssigneeId is { } who ? await AssigneeAsync(d, who, ct) : by;
                foreach (var days in options.Value.FollowUpDays)
                    d.ScheduleFollowUp(now.AddDays(days), by, now, visitor);
                break;
            case DisputeAction.Refer:
                // Through the referral flow, so this referral too has a form to acknowledge and answer.
                db.Referrals.Add(ReferralService.ReferFromStep(d, input.Receiver, input.Reason, by, now));
                break;
            case DisputeAction.Fail:
                d.Fail(input.RoutesExplained ?? OtherRoutes.None, by, now, input.Reason);
                break;
            case DisputeAction.Withdraw:
                d.Withdraw(by, now, input.Reason ?? "");
                break;
            case DisputeAction.ScheduleFollowUp:
                d.ScheduleFollowUp(
                    input.DueAt ?? throw Missing("dueAt", "请填写回访日期"),
                    by,
                    now,
                    input.AssigneeId is { } assignee ? await AssigneeAsync(d, assignee, ct) : by
                );
                break;
            case DisputeAction.RecordFollowUp:
                d.RecordFollowUp(
                    input.FollowUpId ?? throw Missing("followUpId", "请指定回访"),
                    input.Result ?? throw Missing("result", "请选择回访结果"),
                    by,
                    now,
                    input.Reason
                );
                break;
            case DisputeAction.Close:
                d.Close(by, now, input.Reason);
                break;
            case DisputeAction.Reopen:
                d.Reopen(by, now, input.Reason ?? "");
                break;
            case DisputeAction.AcknowledgeReferral or DisputeAction.RecordReferralResult:
                throw new ValidationFailedException("action", "移交的签收和结果请在移交记录中登记（/referrals 接口）");
            default:
                throw new ValidationFailedException("action", "该操作请使用当事人接口");
        }
        var becameRed = await DisputeRiskGrader.GradeAsync(db, d, by, action.Label(), ct);
        // Owned rows (events, follow-ups) changing must still count as a change of the dispute for the version check.
        db.Entry(d).Property(x => x.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
        if (becameRed)
            await NotifyLeadersAsync(d, ct);
        return d;
    }

    /// <summary>Hands a pending follow-up visit to someone else; they are reminded before it is due.</summary>
    public async Task<Dispute> AssignFollowUpAsync(Guid id, Guid followUpId, FollowUpAssignInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesMediate);
        var d = await (await ScopedAsync(ct)).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        Concurrency.Expect(db, d, input.Version);
        var assignee = await AssigneeAsync(d, input.AssigneeId ?? "", ct);
        d.AssignFollowUp(followUpId, assignee, user.UserId ?? "system", db.Now);
        db.Entry(d).Property(x => x.UpdatedAt).IsModified = true;
        await db.SaveChangesAsync(ct);
        if (assignee != user.UserId)
        {
            var f = d.FollowUps.First(x => x.Id == followUpId);
            await notifications.SendAsync(
                assignee,
                $"回访任务：{d.Title}",
                $"请于 {f.DueAt.ToOffset(DisputeTimeLimits.ChinaOffset):yyyy-MM-dd} 前回访纠纷 {d.Number}，并登记结果。",
                $"/disputes/{d.Id}",
                ct: ct
            );
        }
        return d;
    }

    /// <summary>Accounts a visit can be handed to: active, with the right to record visits, and working
    /// in the dispute's unit or a unit above it (so a village's visit never goes to another station).</summary>
    public async Task<IReadOnlyList<AssigneeOption>> AssigneesAsync(Guid id, string? q, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesMediate);
        var d = await (await ScopedAsync(ct)).AsNoTracking().Include(x => x.OrgUnit).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        var text = Checks.SearchTerm(q);
        var query = AssigneeQuery(d.OrgUnit!);
        if (text is not null)
            query = query.Where(x => x.DisplayName.Contains(text) || x.UserName!.Contains(text));
        var rows = await query
            .OrderBy(x => x.DisplayName)
            .Take(50)
            .Select(x => new
            {
                x.Id,
                x.DisplayName,
                x.OrgUnitId,
            })
            .ToListAsync(ct);
        var unitIds = rows.Where(r => r.OrgUnitId != null).Select(r => r.OrgUnitId!.Value).Distinct().ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        return rows.Select(r => new AssigneeOption(r.Id, r.DisplayName, r.OrgUnitId is { } u ? units.GetValueOrDefault(u) : null)).ToList();
    }

    private IQueryable<LianxinUser> AssigneeQuery(OrgUnit unit)
    {
        // The dispute's unit and its ancestors: a station's officers cover its villages, not the reverse.
        return AccountsOver.WithPermission(db, unit.Path, Permissions.DisputesMediate);
    }

    private async Task<string> AssigneeAsync(Dispute d, string assigneeId, CancellationToken ct)
    {
        var id = Checks.Clean(assigneeId) ?? throw new ValidationFailedException("assigneeId", "请选择回访人");
        if (id.Length > 64)
            throw new ValidationFailedException("assigneeId", "回访人无效");
        var unit = await db.OrgUnits.AsNoTracking().FirstAsync(u => u.Id == d.OrgUnitId, ct);
        if (!await AssigneeQuery(unit).AnyAsync(x => x.Id == id, ct))
            throw new ValidationFailedException("assigneeId", "回访人须为本纠纷所在单位或上级单位、有权登记回访的在用账号");
        return id;
    }

    /// <summary>Regrades, in the caller's coming save, the disputes whose linked 110 incidents that save changes
    /// (<see cref="DisputeRiskGrader.RegradeLinkedAsync"/>), and tells the station leaders of any that turned red.</summary>
    public async Task RegradeLinkedAsync(CancellationToken ct = default)
    {
        foreach (var d in await DisputeRiskGrader.RegradeLinkedAsync(db, user.UserId, ct))
            await NotifyLeadersAsync(d, ct);
    }

    private Task NotifyLeadersAsync(Dispute d, CancellationToken ct) => DisputeRiskGrader.NotifyRedAsync(db, notifications, d, ct);

    /// <summary>Active accounts holding a role in the dispute's unit or any unit above it.</summary>
    private Task<List<string>> AboveWithRoleAsync(Dispute d, string role, CancellationToken ct) =>
        AccountsOver.IdsWithRoleAsync(db, d.OrgUnitId, role, ct);

    /// <summary>A report from someone who cannot mediate (a household head on a phone) goes straight to the
    /// community officers of that place, so it is picked up the same day.</summary>
    private async Task NotifyOfficersOfReportAsync(Dispute d, CancellationToken ct)
    {
        foreach (var officer in await AboveWithRoleAsync(d, BuiltInRoles.CommunityOfficer, ct))
            await notifications.SendAsync(
                officer,
                $"新上报纠纷：{d.Title}",
                $"{d.Source.Label()}，纠纷 {d.Number}，请及时分流研判。",
                $"/disputes/{d.Id}",
                "warning",
                ct: ct
            );
    }

    private async Task<IQueryable<Dispute>> QueryAsync(DisputeFilter f, CancellationToken ct)
    {
        user.Demand(Permissions.DisputesRead);
        var q = (await ScopedAsync(ct)).AsNoTracking();
        if (Checks.SearchTerm(f.Q) is { } text)
        {
            var residents = db.Residents.AsNoTracking();
            q = q.Where(d =>
                d.Title.Contains(text)
                || d.Number.Contains(text)
                || (d.Address != null && d.Address.Contains(text))
                || d.Description.Contains(text)
                || d.Parties.Any(p =>
                    (p.Name != null && p.Name.Contains(text))
                    || (p.OrganizationName != null && p.OrganizationName.Contains(text))
                    || (p.ResidentId != null && residents.Any(r => r.Id == p.ResidentId && r.Name.Contains(text)))
                )
            );
        }
        if (f.Status is { } s)
            q = q.Where(d => d.Status == s);
        if (f.Level is { } l)
            q = q.Where(d => d.Level == l);
        if (Checks.Clean(f.Category) is { } c)
            q = q.Where(d => d.CategoryCode == c);
        if (f.Risk is { } r)
            q = q.Where(d => d.Risk == r);
        if (f.Source is { } src)
            q = q.Where(d => d.Source == src);
        if (f.Open is { } open)
            q = open
                ? q.Where(d =>
                    d.Status == DisputeStatus.Registered || d.Status == DisputeStatus.Triaged || d.Status == DisputeStatus.Mediating
                )
                : q.Where(d =>
                    d.Status != DisputeStatus.Registered && d.Status != DisputeStatus.Triaged && d.Status != DisputeStatus.Mediating
                );
        if (f.Overdue == true)
        {
            // Month arithmetic on the China calendar happens in the domain; a day's slack here is then checked exactly.
            var started = db.Now.AddMonths(-Limits.MediationMonths).AddDays(1);
            q = q.Where(d => (d.Status == DisputeStatus.Triaged || d.Status == DisputeStatus.Mediating) && d.LimitStartedAt < started);
        }
        if (f.OrgUnitId is { } unitId)
            q = await DataScope.UnderUnitAsync(q, db, unitId, ct);
        if (f.Figure is not null || f.From is not null || f.To is not null)
        {
            if (f.Figure is { } fig && !Enum.IsDefined(fig))
                throw new ValidationFailedException("figure", "统计指标无效");
            var period = ChinaPeriod.Of(f.From, f.To, db.Now);
            q = q.Where(
                Figures.DisputeFigureRules.Selection(
                    f.Figure ?? Figures.DisputeFigure.Accepted,
                    period,
                    db.Disputes.AsNoTracking(),
                    db.MediationAgreements.AsNoTracking(),
                    db.Referrals.AsNoTracking()
                )
            );
        }
        return q;
    }

    private async Task<IQueryable<Dispute>> ScopedAsync(CancellationToken ct) =>
        db.Disputes.Where((await user.GetScopeAsync(ct)).Filter<Dispute>());

    // One projection for queries and for loaded entities, so a list row and a single row cannot drift apart;
    // the unit's name is null-safe because a loaded entity may come without its unit.
    private static readonly Expression<Func<Dispute, DisputeRow>> AsRow = d => new DisputeRow(
        d.Id,
        d.Number,
        d.Title,
        d.CategoryCode,
        d.Source,
        d.Status,
        d.Level,
        d.Risk,
        d.OrgUnitId,
        d.OrgUnit == null ? null : d.OrgUnit.Name,
        d.RegisteredAt,
        d.LimitStartedAt,
        d.EndedAt,
        d.Version
    );

    private static readonly Func<Dispute, DisputeRow> ToRow = AsRow.Compile();

    private static IQueryable<DisputeRow> Project(IQueryable<Dispute> q) => q.Select(AsRow);

    private static DisputeRow Row(Dispute d) => ToRow(d);

    private async Task<List<DisputeParty>> PartiesAsync(List<PartyInput> inputs, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var ids = inputs.Where(p => p.ResidentId is not null).Select(p => p.ResidentId!.Value).Distinct().ToList();
        var residents = await db
            .Residents.AsNoTracking()
            .Where(scope.Filter<Resident>())
            .Where(r => ids.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var parties = new List<DisputeParty>();
        foreach (var p in inputs)
        {
            if (p is null || p.Role is null)
                throw new ValidationFailedException("parties", "每位当事人须指明角色（申请方、被申请方或其他）");
            if (p.ResidentId is { } rid && !residents.ContainsKey(rid))
                throw new ValidationFailedException("parties", "当事人对应的群众不存在或不在您的管辖范围内");
            var name = p.Name ?? (p.ResidentId is { } known ? residents[known] : null);
            parties.Add(DisputeParty.Create(p.Role.Value, name, p.ResidentId, p.OrganizationName, p.IsVulnerable, p.Note));
        }
        return parties;
    }

    private async Task<OrgUnit> UnitInScope(Guid unitId, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct)
            ?? throw new ValidationFailedException("orgUnitId", "纠纷所在单位不存在");
        if (!scope.Covers(unit) && !await ReportsFromAsync(scope, unit, ct))
            throw new ForbiddenException("纠纷所在单位不在您的管辖范围内");
        if (unit.IsRetired)
            throw new ValidationFailedException("orgUnitId", "纠纷所在单位已撤销");
        return unit;
    }

    /// <summary>The unit an address most likely belongs to, from the residents registered at it (or at the
    /// longest leading part of it: "三组5号门前" still finds "三组5号"), within the caller's scope.</summary>
    public async Task<Guid?> UnitForAddressAsync(string? address, CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRegister);
        var text = Checks.Clean(address);
        if (text is null)
            return null;
        if (text.Length > TextLimits.Address)
            throw new ValidationFailedException("address", "地址过长");
        var scope = await user.GetScopeAsync(ct);
        return await PlaceRegister.UnitForAddressKeyAsync(db.Residents.Where(scope.Filter<Resident>()), addresses.Normalize(text), ct);
    }

    /// <summary>Someone who sees only their own records (a household head, a security committee member)
    /// may still report a dispute where they live and serve: their account's unit and below.</summary>
    private async Task<bool> ReportsFromAsync(DataScope scope, OrgUnit unit, CancellationToken ct)
    {
        if (scope.OwnRecordsOf is null)
            return false;
        var home = await HomePathAsync(ct);
        return home is not null && unit.Path.StartsWith(home, StringComparison.Ordinal);
    }

    /// <summary>The place path of the caller's own unit, or null when the account has none.</summary>
    private async Task<string?> HomePathAsync(CancellationToken ct) =>
        user.UserId is not { } me
            ? null
            : await (
                from u in db.Users
                join o in db.OrgUnits on u.OrgUnitId equals o.Id
                where u.Id == me
                select o.Path
            ).FirstOrDefaultAsync(ct);

    /// <summary>Units a person may report a dispute in: those in scope, or for a reporter who sees only
    /// their own records, their own unit and below. At most 500, villages and groups first by name.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> ReportingUnitsAsync(CancellationToken ct = default)
    {
        user.Demand(Permissions.DisputesRegister);
        var scope = await user.GetScopeAsync(ct);
        var q = db.OrgUnits.AsNoTracking().Where(u => !u.IsRetired);
        if (!scope.All)
        {
            var home = await HomePathAsync(ct);
            var filter = scope.UnitFilter();
            q =
                scope.OwnRecordsOf is not null && home is not null
                    ? q.Where(filter).Union(db.OrgUnits.AsNoTracking().Where(u => !u.IsRetired && u.Path.StartsWith(home)))
                    : q.Where(filter);
        }
        var rows = await q.OrderBy(u => u.Path.Length).ThenBy(u => u.Name).Take(500).Select(u => new { u.Id, u.Name }).ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    /// <summary>Ledger numbers run per year in the China calendar: JF-2026-00001, from the year's counter.</summary>
    private async Task<string> NextNumberAsync(DateTimeOffset now, CancellationToken ct)
    {
        var prefix = $"JF-{now.ToOffset(ChinaTime.Offset).Year}-";
        return (await RecordNumbers.NextAsync(db, prefix, db.Disputes.Select(d => d.Number), 5, 1, ct))[0];
    }

    /// <summary>The counter never hands out one number twice; a number stored without it (the demo) that the
    /// unique index refuses is passed over for the next.</summary>
    private async Task SaveWithNumberRetryAsync(Dispute d, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(ct);
                return;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                d.Renumber(await NextNumberAsync(db.Now, ct));
            }
        }
    }

    private static ValidationFailedException Missing(string field, string message) => new(field, message);
}
