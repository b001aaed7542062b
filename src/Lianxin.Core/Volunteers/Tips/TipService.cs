using System.Linq.Expressions;
using System.Security.Cryptography;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Disputes;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Cases;
using Lianxin.Core.Notifications;
using Lianxin.Core.Organization;
using Lianxin.Core.Volunteers.Feed;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Volunteers.Tips;

/// <summary>Tips (线索) from volunteers and residents: sending (anonymously too), the tipster's own view and the
/// query-code lookup, and the handlers' queue: triage, checking, acting on it (creating an incident, a case or a
/// dispute linked to it), telling the outcome back, or dismissing it. The sender's identity reaches only handlers
/// with <see cref="Permissions.TipsHandle"/> in scope, masked, and in full only through an audited reveal.</summary>
public sealed class TipService(
    LianxinDbContext db,
    ICurrentUser user,
    PersonalDataProtector protector,
    PhotoStore photos,
    NotificationService notifications,
    IncidentService incidents,
    CaseService cases,
    DisputeService disputes,
    IOptions<TipOptions> options,
    TipLookupLimiter limiter
)
{
    public const string CategoryDictionary = "tip-category";
    public const int MaxPhotos = PhotoStore.MaxPerOwner;

    // Crockford base32 without I, L, O, U: read aloud and typed from paper without confusion.
    private const string CodeAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int CodeLength = 24; // 120 bits

    // ---------- Sending ----------

    public async Task<TipSubmitted> SendAsync(TipInput input, IReadOnlyList<PhotoUpload>? uploads = null, CancellationToken ct = default)
    {
        var me = await Participant.LoadAsync(db, user.UserId, ct);
        if (user.UserId is not null && me is null)
            throw new ForbiddenException("账号不可用");
        var anonymous = me is null || input.Anonymous;
        var checks = new Checks()
            .Required("body", input.Body, "线索内容", TextLimits.Text)
            .Optional("address", input.Address, "地点", TextLimits.Address);
        if (input.Longitude is { } lon && (lon < -180 || lon > 180 || double.IsNaN(lon)))
            checks.Add("longitude", "经度须在 -180 到 180 之间");
        if (input.Latitude is { } lat && (lat < -90 || lat > 90 || double.IsNaN(lat)))
            checks.Add("latitude", "纬度须在 -90 到 90 之间");
        if ((input.Longitude is null) != (input.Latitude is null))
            checks.Add("longitude", "经纬度须同时填写");
        if (uploads is { Count: > MaxPhotos })
            checks.Add("photo", $"最多上传 {MaxPhotos} 张照片");
        var category = Checks.Clean(input.CategoryCode);
        if (category is null)
            checks.Add("categoryCode", "请选择线索类别");
        else if (
            category.Length > TextLimits.Code
            || !await db.DictionaryItems.AnyAsync(i => i.Category == CategoryDictionary && i.Code == category && i.IsActive, ct)
        )
            checks.Add("categoryCode", "线索类别不在字典中");
        var unitId = input.OrgUnitId ?? me?.HomeUnitId;
        if (unitId is null)
            checks.Add("orgUnitId", "请选择线索发生地所在单位");
        checks.ThrowIfAny();
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => u.Id == unitId, ct)
            ?? throw new ValidationFailedException("orgUnitId", "所选单位不存在");
        if (unit.IsRetired)
            throw new ValidationFailedException("orgUnitId", "所选单位已撤销");

        var now = db.Now;
        var content = new TipContent(unit.Id, category!, Checks.Clean(input.Address), input.Longitude, input.Latitude, input.Body!);
        var number = await NextNumberAsync(now, ct);
        string? code = null;
        Tip tip;
        if (anonymous)
        {
            // Nothing that names the sender is kept, not even as the creator of the row.
            if (me is not null)
                tip = Tip.Anonymous(number, content, OwnerKeyOf(me.UserId), null);
            else
            {
                code = NewCode();
                tip = Tip.Anonymous(number, content, null, LookupKeyOf(code));
            }
        }
        else
            tip = Tip.Named(number, content, me!.UserId, me.VolunteerId, me.ShownName, me.IsActiveVolunteer);
        db.Tips.Add(tip);
        try
        {
            foreach (var u in uploads ?? [])
                await photos.AddAsync(PhotoOwner.Tip, tip.Id, unit.Id, u.FileName, u.Content, anonymous ? null : me!.UserId, ct);
            if (anonymous)
            {
                db.SuppressEntityAudit = true;
                db.AuditAnonymous(AuditAction.Create, nameof(Tip), tip.Id.ToString(), $"匿名线索 {tip.Number}");
            }
            await SaveWithNumberRetryAsync(tip, ct);
        }
        catch
        {
            Forget(tip.Id);
            throw;
        }
        finally
        {
            db.SuppressEntityAudit = false;
        }
        await NotifyHandlersAsync(tip, ct);
        return new TipSubmitted(tip.Id, tip.Number, code);
    }

    /// <summary>Adds a photo to one's own tip while it waits for triage (signed-in senders, through the API).</summary>
    public async Task<Guid> AddPhotoAsync(Guid id, string fileName, Stream content, CancellationToken ct = default)
    {
        var tip = await OwnTipQuery().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException();
        tip.Require(TipAction.AddPhoto);
        var anonymous = tip.IsAnonymous;
        try
        {
            var photo = await photos.AddAsync(PhotoOwner.Tip, tip.Id, tip.OrgUnitId, fileName, content, anonymous ? null : user.UserId, ct);
            if (anonymous)
            {
                db.SuppressEntityAudit = true;
                db.AuditAnonymous(AuditAction.Create, nameof(Photo), photo.Id.ToString(), $"匿名线索 {tip.Number} 的照片");
            }
            await db.SaveChangesAsync(ct);
            return photo.Id;
        }
        catch
        {
            Forget(tip.Id);
            throw;
        }
        finally
        {
            db.SuppressEntityAudit = false;
        }
    }

    /// <summary>Units a tip may be sent about, for the phone page's picker: stations, communities and villages.</summary>
    public async Task<IReadOnlyList<(Guid Id, string Name)>> UnitsAsync(CancellationToken ct = default)
    {
        var rows = await db
            .OrgUnits.AsNoTracking()
            .Where(u => !u.IsRetired && (u.Kind == OrgUnitKind.Station || u.Kind == OrgUnitKind.Community || u.Kind == OrgUnitKind.Village))
            .OrderBy(u => u.Path.Length)
            .ThenBy(u => u.Name)
            .Take(500)
            .Select(u => new { u.Id, u.Name })
            .ToListAsync(ct);
        return rows.Select(r => (r.Id, r.Name)).ToList();
    }

    public async Task<IReadOnlyList<(string Code, string Name)>> CategoriesAsync(CancellationToken ct = default)
    {
        var rows = await db
            .DictionaryItems.AsNoTracking()
            .Where(i => i.Category == CategoryDictionary && i.IsActive)
            .OrderBy(i => i.SortOrder)
            .ThenBy(i => i.Code)
            .Select(i => new { i.Code, i.Name })
            .ToListAsync(ct);
        return rows.Select(r => (r.Code, r.Name)).ToList();
    }

    // ---------- The tipster's view ----------

    /// <summary>The caller's own tips, named or sent anonymously while signed in.</summary>
    public async Task<PagedResult<TipOutcomeView>> MineAsync(PageRequest page, CancellationToken ct = default)
    {
        var q = OwnTipQuery().AsNoTracking();
        var tips = await q.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToPageAsync(page, ct);
        var names = await CategoryNamesAsync(ct);
        return tips.Select(t => OutcomeOf(t, names));
    }

    public async Task<TipOutcomeView> MineGetAsync(Guid id, CancellationToken ct = default)
    {
        var tip = await OwnTipQuery().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException();
        return OutcomeOf(tip, await CategoryNamesAsync(ct));
    }

    /// <summary>The outcome of the one tip a query code was given for. A wrong code is a 404 and counts against
    /// the caller's address; too many wrong codes in a while are refused (429) before any lookup.</summary>
    public async Task<TipOutcomeView> LookupAsync(string? code, CancellationToken ct = default)
    {
        limiter.EnsureAllowed(user.IpAddress);
        var normalized = NormalizeCode(code);
        Tip? tip = null;
        if (normalized is not null)
        {
            var key = LookupKeyOf(normalized);
            tip = await db.Tips.AsNoTracking().FirstOrDefaultAsync(t => t.LookupKey == key, ct);
        }
        if (tip is null)
        {
            limiter.RecordFailure(user.IpAddress);
            throw new NotFoundException("查询码不正确，请核对后再试");
        }
        return OutcomeOf(tip, await CategoryNamesAsync(ct));
    }

    // ---------- Handling ----------

    public async Task<PagedResult<TipRow>> ListAsync(TipFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = await QueryAsync(f, ct);
        return await q.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id).ToPageAsync(page, Project, ct);
    }

    public async Task<IReadOnlyList<TipRow>> ExportAsync(TipFilter f, int max, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersExport);
        var rows = await Project((await QueryAsync(f, ct)).OrderByDescending(t => t.CreatedAt).Take(max)).ToListAsync(ct);
        db.Audit(AuditAction.Export, nameof(Tip), null, $"导出线索台账 {rows.Count} 条");
        await db.SaveChangesAsync(ct);
        return rows;
    }

    public async Task<TipDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.TipsHandle);
        var t = await (await ScopedAsync(ct)).AsNoTracking().Include(x => x.OrgUnit).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        var names = await CategoryNamesAsync(ct);
        var handler = t.HandlerId is null
            ? null
            : await db.Users.AsNoTracking().Where(u => u.Id == t.HandlerId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct);
        var photoIds = (await photos.ListAsync(PhotoOwner.Tip, t.Id, ct)).Select(p => p.Id).ToList();
        return new TipDetail(
            ToRow(t),
            names.GetValueOrDefault(t.CategoryCode),
            t.Longitude,
            t.Latitude,
            t.HandlerId,
            handler,
            t.CheckNote,
            t.IncidentId,
            t.CaseId,
            t.DisputeId,
            t.OutcomeText,
            t.ActedAt,
            t.Feedback,
            t.DismissReason,
            photoIds,
            !t.IsAnonymous && user.CanReveal()
        );
    }

    /// <summary>The sender in full, for a handler in scope; always audited. An anonymous tip has nobody to reveal.</summary>
    public async Task<RevealedSender> RevealSenderAsync(Guid id, string? reason, CancellationToken ct = default)
    {
        user.Demand(Permissions.TipsHandle);
        user.DemandReveal();
        var why = Checks.RevealReason(reason);
        var t = await (await ScopedAsync(ct)).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        if (t.IsAnonymous || t.SenderUserId is null)
            throw new ValidationFailedException("tip", "匿名线索不记录举报人，无可查看的信息");
        string? phone = null;
        if (t.SenderVolunteerId is { } vid)
        {
            var v = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(x => x.Id == vid, ct);
            if (v is not null)
                phone = protector.Reveal(v.Phone);
        }
        phone ??= await db.Users.AsNoTracking().Where(u => u.Id == t.SenderUserId).Select(u => u.PhoneNumber).FirstOrDefaultAsync(ct);
        db.Audit(AuditAction.Reveal, nameof(Tip), t.Id.ToString(), $"查看线索 {t.Number} 的举报人" + (why is null ? "" : $"，事由：{why}"));
        await db.SaveChangesAsync(ct);
        return new RevealedSender(t.Id, t.SenderName ?? "", phone, t.SenderKind);
    }

    /// <summary>Triage: the tip is taken up for checking by the caller.</summary>
    public async Task<Tip> StartCheckingAsync(Guid id, TipStepInput input, CancellationToken ct = default)
    {
        var t = await ForStepAsync(id, input, TipAction.StartChecking, ct);
        new Checks().Optional("note", input.Note, "核查说明", TextLimits.Text).ThrowIfAny();
        t.StartChecking(user.UserId, Checks.Clean(input.Note), db.Now);
        await db.SaveChangesAsync(ct);
        return t;
    }

    public async Task<Tip> DismissAsync(Guid id, TipStepInput input, CancellationToken ct = default)
    {
        var t = await ForStepAsync(id, input, TipAction.Dismiss, ct);
        new Checks().Required("reason", input.Reason, "不予采纳的理由", TextLimits.Text).ThrowIfAny();
        t.Dismiss(input.Reason!, user.UserId, db.Now);
        await SaveAndTellAsync(t, ct);
        return t;
    }

    /// <summary>Acts on the tip: creates the incident, case or dispute from it through their own services (with
    /// their own permission and scope checks) and links it, or records what was done (a hazard put right).
    /// A volunteer sender is credited once.</summary>
    public async Task<Tip> ActAsync(Guid id, TipStepInput input, CancellationToken ct = default)
    {
        var t = await ForStepAsync(id, input, TipAction.Act, ct);
        if (input.Outcome is not { } outcome || !Enum.IsDefined(outcome))
            throw new ValidationFailedException("outcome", "请选择处置方式");
        var checks = new Checks().Optional("outcomeText", input.OutcomeText, "处置情况", TextLimits.Text);
        if (outcome is TipOutcome.HazardFixed or TipOutcome.Other && Checks.Clean(input.OutcomeText) is null)
            checks.Add("outcomeText", outcome == TipOutcome.HazardFixed ? "请填写整改情况（如：安全隐患已整改）" : "请填写处置情况");
        checks.ThrowIfAny();
        var summary = Trim($"群众线索 {t.Number}：{t.Body}", TextLimits.Text);
        Guid? incidentId = null,
            caseId = null,
            disputeId = null;
        switch (outcome)
        {
            case TipOutcome.Incident:
            {
                var i = input.Incident ?? new TipIncidentInput(null, null, null, null, null, null);
                var created = await incidents.CreateAsync(
                    new IncidentInput(
                        Checks.Clean(i.Number) ?? t.Number,
                        db.Now,
                        i.CategoryCode,
                        i.TypeCode,
                        i.SubtypeCode,
                        null,
                        null,
                        t.Address,
                        t.Longitude,
                        t.Latitude,
                        Checks.Clean(i.Summary) ?? summary,
                        null,
                        i.HandlingUnitId ?? await StationOfAsync(t.OrgUnitId, ct),
                        i.HandlingOfficer
                    ),
                    ct
                );
                incidentId = created.Id;
                break;
            }
            case TipOutcome.Case:
            {
                var c = input.Case ?? new TipCaseInput(null, null, null, null, null, null);
                var created = await cases.RegisterAsync(
                    new CaseInput(
                        Checks.Clean(c.Number) ?? "AJ-" + t.Number,
                        Checks.Clean(c.Title) ?? $"线索 {t.Number} 立案",
                        c.Kind,
                        t.OrgUnitId,
                        null,
                        Checks.Clean(c.HandlingOfficerId) ?? (Checks.Clean(c.HandlingOfficer) is null ? user.UserId : null),
                        c.HandlingOfficer,
                        Checks.Clean(c.Summary) ?? summary
                    ),
                    ct
                );
                caseId = created.Id;
                break;
            }
            case TipOutcome.Dispute:
            {
                var d = input.Dispute ?? new TipDisputeInput(null, null, null, null);
                var created = await disputes.RegisterAsync(
                    new DisputeInput(
                        Checks.Clean(d.Title) ?? $"线索 {t.Number} 反映的纠纷",
                        d.CategoryCode,
                        Checks.Clean(d.Description) ?? summary,
                        DisputeSource.Other,
                        t.OrgUnitId,
                        t.Address,
                        d.Parties
                    ),
                    ct
                );
                disputeId = created.Id;
                break;
            }
        }
        // The other services save (and on a clash may clear) this context: take the tip again if it was let go.
        if (db.Entry(t).State == EntityState.Detached)
            t = await db.Tips.FirstAsync(x => x.Id == id, ct);
        t.Act(outcome, Checks.Clean(input.OutcomeText), new TipLinks(incidentId, caseId, disputeId), user.UserId, db.Now);
        await CreditAsync(t, ct);
        await db.SaveChangesAsync(ct);
        return t;
    }

    /// <summary>Tells the tipster the outcome and closes the tip.</summary>
    public async Task<Tip> CloseAsync(Guid id, TipStepInput input, CancellationToken ct = default)
    {
        var t = await ForStepAsync(id, input, TipAction.Close, ct);
        new Checks().Required("feedback", input.Feedback, "反馈内容", TextLimits.Text).ThrowIfAny();
        t.Close(input.Feedback!, db.Now);
        await SaveAndTellAsync(t, ct);
        return t;
    }

    /// <summary>A photo of a tip, for a handler in scope or the tip's own sender.</summary>
    public async Task<(Photo Photo, byte[] Data)> PhotoAsync(Guid id, Guid photoId, CancellationToken ct = default)
    {
        var visible =
            user.Has(Permissions.TipsHandle) && await (await ScopedAsync(ct)).AnyAsync(t => t.Id == id, ct)
            || await OwnTipQuery().AnyAsync(t => t.Id == id, ct);
        if (!visible)
            throw new NotFoundException();
        var found = await photos.ReadAsync(PhotoOwner.Tip, id, photoId, ct) ?? throw new NotFoundException();
        db.Audit(AuditAction.Reveal, nameof(Photo), photoId.ToString(), "查看线索照片");
        await db.SaveChangesAsync(ct);
        return found;
    }

    // ---------- Figures ----------

    /// <summary>Tips received in a period (China dates, both included; default this year to date) in a unit and below,
    /// within the caller's scope, by status and outcome, and per unit where they happened.</summary>
    public async Task<TipFigures> FiguresAsync(Guid? orgUnitId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersRead);
        var period = ChinaPeriod.Of(from, to, db.Now);
        var q = db.Tips.AsNoTracking().Where((await user.GetScopeAsync(ct)).Filter<Tip>());
        if (orgUnitId is { } unit)
            q = await DataScope.UnderUnitAsync(q, db, unit, ct);
        var (lo, hi) = (period.Start, period.End);
        q = q.Where(t => t.CreatedAt >= lo && t.CreatedAt < hi);
        var rows = await q.GroupBy(t => new
            {
                t.OrgUnitId,
                t.Status,
                t.Outcome,
                t.SenderKind,
                t.IsAnonymous,
            })
            .Select(g => new
            {
                g.Key.OrgUnitId,
                g.Key.Status,
                g.Key.Outcome,
                g.Key.SenderKind,
                g.Key.IsAnonymous,
                Count = g.Count(),
            })
            .ToListAsync(ct);
        var unitIds = rows.Select(r => r.OrgUnitId).Distinct().ToList();
        var unitNames = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        static bool Acted(TipStatus s) => s is TipStatus.ActedOn or TipStatus.Closed;
        var units = rows.GroupBy(r => r.OrgUnitId)
            .Select(g => new TipUnitFigures(
                g.Key,
                unitNames.GetValueOrDefault(g.Key) ?? "",
                g.Sum(r => r.Count),
                g.Where(r => Acted(r.Status)).Sum(r => r.Count),
                g.Where(r => r.Status == TipStatus.Dismissed).Sum(r => r.Count),
                g.Where(r => r.Outcome == TipOutcome.Incident).Sum(r => r.Count),
                g.Where(r => r.Outcome == TipOutcome.Case).Sum(r => r.Count),
                g.Where(r => r.Outcome == TipOutcome.Dispute).Sum(r => r.Count),
                g.Where(r => r.Outcome == TipOutcome.HazardFixed).Sum(r => r.Count)
            ))
            .OrderByDescending(u => u.Received)
            .ThenBy(u => u.UnitName)
            .ToList();
        return new TipFigures(
            period.From,
            period.To,
            rows.Sum(r => r.Count),
            rows.Where(r => r.Status is TipStatus.Received or TipStatus.Checking).Sum(r => r.Count),
            rows.Where(r => Acted(r.Status)).Sum(r => r.Count),
            rows.Where(r => r.Status == TipStatus.Dismissed).Sum(r => r.Count),
            rows.Where(r => r.Outcome == TipOutcome.Incident).Sum(r => r.Count),
            rows.Where(r => r.Outcome == TipOutcome.Case).Sum(r => r.Count),
            rows.Where(r => r.Outcome == TipOutcome.Dispute).Sum(r => r.Count),
            rows.Where(r => r.Outcome == TipOutcome.HazardFixed).Sum(r => r.Count),
            rows.Where(r => r.Outcome == TipOutcome.Other).Sum(r => r.Count),
            rows.Where(r => r.SenderKind == TipSenderKind.Volunteer && !r.IsAnonymous).Sum(r => r.Count),
            rows.Where(r => r.IsAnonymous).Sum(r => r.Count),
            units
        );
    }

    // ---------- Helpers ----------

    private IQueryable<Tip> OwnTipQuery()
    {
        var me = user.UserId ?? throw new ForbiddenException("请先登录");
        var key = OwnerKeyOf(me);
        return db.Tips.Where(t => t.SenderUserId == me || t.OwnerKey == key);
    }

    private async Task<IQueryable<Tip>> ScopedAsync(CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        // Scope by unit only: the "own records" part of a scope would match the creator, which tips do not use.
        var unitScope = scope with { OwnRecordsOf = null };
        return db.Tips.Where(unitScope.Filter<Tip>());
    }

    private async Task<IQueryable<Tip>> QueryAsync(TipFilter f, CancellationToken ct)
    {
        user.Demand(Permissions.TipsHandle);
        var q = (await ScopedAsync(ct)).AsNoTracking();
        if (Checks.SearchTerm(f.Q) is { } text)
        {
            q = q.Where(t => t.Number.Contains(text) || t.Body.Contains(text) || (t.Address != null && t.Address.Contains(text)));
        }
        if (f.Status is { } s)
            q = q.Where(t => t.Status == s);
        if (Checks.Clean(f.Category) is { } c)
            q = q.Where(t => t.CategoryCode == c);
        if (f.Outcome is { } o)
            q = q.Where(t => t.Outcome == o);
        if (f.SenderKind is { } k)
            q = q.Where(t => t.SenderKind == k && !t.IsAnonymous);
        if (f.From is { } from)
        {
            var lo = StartOf(from);
            q = q.Where(t => t.CreatedAt >= lo);
        }
        if (f.To is { } to)
        {
            var hi = StartOf(to.AddDays(1));
            q = q.Where(t => t.CreatedAt < hi);
        }
        if (f.OrgUnitId is { } unitId)
            q = await DataScope.UnderUnitAsync(q, db, unitId, ct);
        return q;
    }

    /// <summary>The tip a handler's step acts on, at the version the handler saw, refused when the step does
    /// not apply to its state; asked before anything is made or changed, so a refused step leaves nothing behind.</summary>
    private async Task<Tip> ForStepAsync(Guid id, TipStepInput input, TipAction action, CancellationToken ct)
    {
        user.Demand(Permissions.TipsHandle);
        var t = await (await ScopedAsync(ct)).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        Concurrency.Expect(db, t, input.Version);
        t.Require(action);
        return t;
    }

    // One projection for queries and for loaded entities, so a list row and a detail's row cannot drift apart;
    // the unit's name is null-safe because a loaded entity may come without its unit.
    private static readonly Expression<Func<Tip, TipRow>> AsRow = t => new TipRow(
        t.Id,
        t.Number,
        t.Status,
        t.CategoryCode,
        t.OrgUnitId,
        t.OrgUnit == null ? null : t.OrgUnit.Name,
        t.Address,
        t.Body,
        t.SenderKind,
        t.IsAnonymous,
        TipRow.SenderOf(t.IsAnonymous, t.SenderKind, t.SenderName),
        t.CreatedAt,
        t.Outcome,
        t.ClosedAt,
        t.Version
    );

    private static readonly Func<Tip, TipRow> ToRow = AsRow.Compile();

    private static IQueryable<TipRow> Project(IQueryable<Tip> q) => q.Select(AsRow);

    private static TipOutcomeView OutcomeOf(Tip t, IReadOnlyDictionary<string, string> names)
    {
        var state = t.Status switch
        {
            TipStatus.Closed => "已办结",
            TipStatus.Dismissed => "未采纳",
            TipStatus.Received => "已收到，待研判",
            _ => "处理中",
        };
        var finished = t.Status is TipStatus.Closed or TipStatus.Dismissed;
        return new TipOutcomeView(
            t.Id,
            t.Number,
            t.CategoryCode,
            names.GetValueOrDefault(t.CategoryCode),
            t.Address,
            t.Body,
            t.CreatedAt,
            state,
            finished,
            t.Status == TipStatus.Closed ? t.Outcome?.Label() : null,
            t.Status == TipStatus.Closed ? t.Feedback : null,
            t.Status == TipStatus.Dismissed ? t.DismissReason : null,
            finished ? t.ClosedAt : null,
            t.IsAnonymous
        );
    }

    private async Task<Dictionary<string, string>> CategoryNamesAsync(CancellationToken ct) =>
        await db
            .DictionaryItems.AsNoTracking()
            .Where(i => i.Category == CategoryDictionary)
            .ToDictionaryAsync(i => i.Code, i => i.Name, ct);

    private async Task CreditAsync(Tip t, CancellationToken ct)
    {
        if (t.SenderVolunteerId is not { } vid || t.IsAnonymous)
            return;
        if (await db.VolunteerCredits.AnyAsync(c => c.Source == CreditSource.Tip && c.SourceId == t.Id && c.VolunteerId == vid, ct))
            return;
        var unit = await db.Volunteers.Where(v => v.Id == vid).Select(v => (Guid?)v.OrgUnitId).FirstOrDefaultAsync(ct);
        if (unit is null)
            return;
        db.VolunteerCredits.Add(
            new VolunteerCredit
            {
                VolunteerId = vid,
                OrgUnitId = unit.Value,
                Source = CreditSource.Tip,
                SourceId = t.Id,
                Minutes = 0,
                Points = options.Value.PointsPerTip,
                Reason = $"线索 {t.Number} 被采纳",
                At = db.Now,
                ById = user.UserId,
            }
        );
    }

    /// <summary>Saves a step that ends the handling, then tells the sender (after the save, so a refused save
    /// tells no one).</summary>
    private async Task SaveAndTellAsync(Tip t, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        await TellSenderAsync(t, ct);
    }

    /// <summary>The sender hears the outcome: a named sender with a link to the tip; an anonymous signed-in sender
    /// with a link to their list only (the notification names no tip); a sender with a code has no inbox and looks it up.</summary>
    private async Task TellSenderAsync(Tip t, CancellationToken ct)
    {
        var title = t.Status == TipStatus.Dismissed ? "您提交的线索未被采纳" : "您提交的线索已办结";
        if (t.SenderUserId is { } sender)
            await notifications.SendAsync(
                sender,
                title,
                $"线索 {t.Number}：请查看处理结果。",
                $"/m/volunteer/tips?id={t.Id}",
                "info",
                ct: ct
            );
        // An anonymous sender is not notified: which account holds the owner key is not stored anywhere. They see
        // the outcome in their own list (signed in) or with their query code.
    }

    private async Task NotifyHandlersAsync(Tip t, CancellationToken ct)
    {
        var unitPath = await db.OrgUnits.Where(u => u.Id == t.OrgUnitId).Select(u => u.Path).FirstAsync(ct);
        var officers = await AccountsOver.WithRole(db, unitPath, BuiltInRoles.CommunityOfficer).Select(u => u.Id).Take(50).ToListAsync(ct);
        foreach (var officer in officers)
            await notifications.SendAsync(officer, $"新线索 {t.Number}", "请及时研判。", $"/volunteers/tips/{t.Id}", "warning", ct: ct);
    }

    /// <summary>The station above a unit when the caller's scope covers it, else the unit itself.</summary>
    private async Task<Guid> StationOfAsync(Guid unitId, CancellationToken ct)
    {
        var path = await db.OrgUnits.AsNoTracking().Where(u => u.Id == unitId).Select(u => u.Path).FirstAsync(ct);
        var ids = OrgUnit.ChainOf(path);
        var station = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(u => ids.Contains(u.Id) && u.Kind == OrgUnitKind.Station, ct);
        return station is not null && (await user.GetScopeAsync(ct)).Covers(station) ? station.Id : unitId;
    }

    private string OwnerKeyOf(string userId) => protector.BlindIndex("tip-owner:" + userId);

    private string LookupKeyOf(string normalizedCode) => protector.BlindIndex("tip-code:" + normalizedCode);

    private static string NewCode()
    {
        var chars = new char[CodeLength];
        for (var i = 0; i < chars.Length; i++)
            chars[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        return new string(chars);
    }

    /// <summary>The code as shown to the sender: groups of four.</summary>
    public static string FormatCode(string code) => string.Join("-", code.Chunk(4).Select(c => new string(c)));

    /// <summary>Upper case, separators dropped, the letters people confuse read as the digits they look like; null when
    /// it cannot be a code.</summary>
    public static string? NormalizeCode(string? code)
    {
        if (code is null || code.Length > 64)
            return null;
        var chars = new List<char>(CodeLength);
        foreach (var ch in code.ToUpperInvariant())
        {
            if (ch is '-' or ' ')
                continue;
            var c = ch switch
            {
                'O' => '0',
                'I' or 'L' => '1',
                _ => ch,
            };
            if (!CodeAlphabet.Contains(c))
                return null;
            chars.Add(c);
        }
        return chars.Count == CodeLength ? new string([.. chars]) : null;
    }

    private void Forget(Guid tipId)
    {
        foreach (var e in db.ChangeTracker.Entries().ToList())
        {
            if (e.State != EntityState.Added)
                continue;
            if (e.Entity is Tip t && t.Id == tipId || e.Entity is Photo p && p.OwnerId == tipId || e.Entity is PhotoContent)
                e.State = EntityState.Detached;
        }
    }

    /// <summary>Tip numbers run per year in the China calendar: XS-2026-00001, from the year's counter.</summary>
    private async Task<string> NextNumberAsync(DateTimeOffset now, CancellationToken ct)
    {
        var prefix = $"XS-{ChinaTime.Day(now).Year}-";
        return (await RecordNumbers.NextAsync(db, prefix, db.Tips.Select(t => t.Number), 5, 1, ct))[0];
    }

    private async Task SaveWithNumberRetryAsync(Tip t, CancellationToken ct)
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
                t.Renumber(await NextNumberAsync(db.Now, ct));
                if (t.IsAnonymous)
                    db.AuditAnonymous(AuditAction.Create, nameof(Tip), t.Id.ToString(), $"匿名线索 {t.Number}");
            }
        }
    }

    private static DateTimeOffset StartOf(DateOnly day) => ChinaTime.StartUtc(day);

    private static string Trim(string s, int max) => s.Length <= max ? s : s[..max];
}
