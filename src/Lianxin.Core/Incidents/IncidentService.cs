using System.Linq.Expressions;
using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Disputes;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Incidents;

/// <summary>The incident ledger: entry by hand, intake from the 110 system (one or a batch, idempotent by the
/// 110 number), placement, list, detail, edit, links, the caller revealed only with permission and always
/// audited, and export. Everything within the caller's data scope.</summary>
public sealed class IncidentService(
    LianxinDbContext db,
    ICurrentUser user,
    PersonalDataProtector protector,
    AddressNormalizer addresses,
    IncidentPlacer placer,
    IEnumerable<IIncidentIntakeStep> steps
)
{
    public const string CategoryDictionary = "incident-category";
    public const int MaxBatch = 500;
    public const int MaxParties = 20;

    /// <summary>How far ahead of the server clock a received time may lie (clocks of two systems drift).</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private static readonly TimeSpan China = ChinaTime.Offset;

    /// <summary>Enters one incident. A number already known is a 409 naming it, and nothing changes.</summary>
    public async Task<Incident> CreateAsync(IncidentInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        var result = await IntakeAsync([input], IncidentSource.Manual, ct);
        var item = result.Items[0];
        return item.Outcome switch
        {
            IntakeOutcome.Created => await db.Incidents.AsNoTracking().FirstAsync(x => x.Id == item.Id, ct),
            IntakeOutcome.Duplicate => throw new ConflictException($"警情编号 {item.Number} 已登记，未重复录入"),
            _ => throw new ValidationFailedException(item.Errors!.ToDictionary(e => e.Key, e => e.Value)),
        };
    }

    /// <summary>Takes a batch from the 110 system: valid new items are stored, known numbers reported as duplicates,
    /// bad items reported with their field errors. Naming a handling unit outside the caller's scope refuses the
    /// whole batch (403) before anything is stored.</summary>
    public async Task<IncidentBatchResult> IntakeBatchAsync(IncidentBatchInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        var items = input.Items ?? throw new ValidationFailedException("items", "请提供警情列表（items）");
        if (items.Count == 0)
            throw new ValidationFailedException("items", "警情列表为空");
        if (items.Count > MaxBatch)
            throw new ValidationFailedException("items", $"每次最多提交 {MaxBatch} 条警情，请分批提交");
        var result = await IntakeAsync(items, IncidentSource.Api, ct);
        return result;
    }

    private async Task<IncidentBatchResult> IntakeAsync(IReadOnlyList<IncidentInput?> items, IncidentSource source, CancellationToken ct)
    {
        var categories = await CategoriesAsync(ct);
        var now = db.Now;
        var checkedItems = items.Select((item, i) => (Index: i, Item: item, Errors: Validate(item, categories, now))).ToList();

        // Units: every named unit must exist and lie in scope; one outside the scope refuses the whole request.
        var unitIds = checkedItems
            .Where(c => c.Item?.HandlingUnitId is not null)
            .Select(c => c.Item!.HandlingUnitId!.Value)
            .Distinct()
            .ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, ct);
        var scope = await user.GetScopeAsync(ct);
        foreach (var unit in units.Values)
            if (!scope.Covers(unit))
                throw new ForbiddenException($"承办单位“{unit.Name}”不在您的管辖范围内");
        foreach (var c in checkedItems)
        {
            if (c.Item?.HandlingUnitId is not { } uid)
                continue;
            if (!units.TryGetValue(uid, out var unit))
                c.Errors.Add("handlingUnitId", "承办单位不存在");
            else if (unit.IsRetired)
                c.Errors.Add("handlingUnitId", "承办单位已撤销");
        }

        for (var attempt = 0; ; attempt++)
        {
            var numbers = checkedItems.Where(c => c.Errors.Ok).Select(c => c.Item!.Number!.Trim()).Distinct().ToList();
            var known = await db
                .Incidents.AsNoTracking()
                .Where(x => numbers.Contains(x.Number))
                .Select(x => new { x.Id, x.Number })
                .ToListAsync(ct);
            var knownIds = known.Select(k => k.Id).ToList();
            var visible = (
                await db
                    .Incidents.AsNoTracking()
                    .Where(scope.Filter<Incident>())
                    .Where(x => knownIds.Contains(x.Id))
                    .Select(x => x.Id)
                    .ToListAsync(ct)
            ).ToHashSet();
            var knownByNumber = known.ToDictionary(k => k.Number, k => visible.Contains(k.Id) ? k.Id : (Guid?)null, StringComparer.Ordinal);

            var results = new List<IncidentIntakeResult>(checkedItems.Count);
            var added = new List<Incident>();
            var seen = new Dictionary<string, Guid>(StringComparer.Ordinal);
            foreach (var c in checkedItems)
            {
                var number = Checks.Clean(c.Item?.Number);
                if (!c.Errors.Ok)
                {
                    results.Add(new IncidentIntakeResult(c.Index, number, null, IntakeOutcome.Invalid, c.Errors.Errors));
                    continue;
                }
                if (knownByNumber.TryGetValue(number!, out var existing))
                {
                    results.Add(new IncidentIntakeResult(c.Index, number, existing, IntakeOutcome.Duplicate));
                    continue;
                }
                if (seen.TryGetValue(number!, out var earlier))
                {
                    results.Add(new IncidentIntakeResult(c.Index, number, earlier, IntakeOutcome.Duplicate));
                    continue;
                }
                var incident = Build(c.Item!, source);
                added.Add(incident);
                seen[number!] = incident.Id;
                results.Add(new IncidentIntakeResult(c.Index, number, incident.Id, IntakeOutcome.Created));
            }

            if (added.Count > 0)
            {
                // The whole batch is placed together: one register query per station, not one per incident.
                await placer.PlaceManyAsync(added, ct);
                try
                {
                    await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
                    db.Incidents.AddRange(added);
                    await db.SaveChangesAsync(ct);
                    await IncidentIntake.RunStepsAsync(db, steps, added, ct);
                    if (tx is not null)
                        await tx.CommitAsync(ct);
                }
                catch (DbUpdateException) when (attempt < 2)
                {
                    // Another intake stored one of these numbers a moment ago: look again and report it as known.
                    db.ChangeTracker.Clear();
                    continue;
                }
                finally
                {
                    foreach (var i in added)
                    {
                        foreach (var party in i.Parties)
                            db.Entry(party).State = EntityState.Detached;
                        db.Entry(i).State = EntityState.Detached;
                    }
                }
            }
            return new IncidentBatchResult(
                results.Count(r => r.Outcome == IntakeOutcome.Created),
                results.Count(r => r.Outcome == IntakeOutcome.Duplicate),
                results.Count(r => r.Outcome == IntakeOutcome.Invalid),
                results
            );
        }
    }

    private Incident Build(IncidentInput input, IncidentSource source)
    {
        var address = Checks.Clean(input.Address);
        var incident = Incident.Receive(
            new IncidentReport
            {
                Number = input.Number!.Trim(),
                ReceivedAt = input.ReceivedAt!.Value.ToUniversalTime(),
                CategoryCode = input.CategoryCode!.Trim(),
                TypeCode = Checks.Clean(input.TypeCode),
                SubtypeCode = Checks.Clean(input.SubtypeCode),
                Address = address,
                AddressKey = addresses.Key(address),
                Longitude = input.Longitude,
                Latitude = input.Latitude,
                Summary = input.Summary!.Trim(),
                Disposition = Checks.Clean(input.Disposition),
                HandlingUnitId = input.HandlingUnitId!.Value,
                HandlingOfficer = Checks.Clean(input.HandlingOfficer),
                Preventable = input.Preventable ?? false,
                Validity = input.Validity,
                Source = source,
                CallerName = Checks.Clean(input.CallerName) is { } name ? protector.Protect(name, PersonName.Mask) : null,
                CallerPhone =
                    Checks.Clean(input.CallerPhone) is { } phone && PhoneNumber.Parse(phone) is { Normalized: { } normalized }
                        ? protector.Protect(normalized, PhoneNumber.Mask)
                        : null,
            }
        );
        incident.UseParties(BuildParties(input.Parties, incident.Id, incident.ReceivedAt));
        return incident;
    }

    private List<IncidentParty> BuildParties(List<IncidentPartyInput?>? inputs, Guid incidentId, DateTimeOffset receivedAt) =>
        (inputs ?? [])
            .Select(
                (p, n) =>
                    Fill(
                        new IncidentParty
                        {
                            IncidentId = incidentId,
                            Position = n,
                            ReceivedAt = receivedAt,
                        },
                        p!
                    )
            )
            .ToList();

    private IncidentParty Fill(IncidentParty party, IncidentPartyInput p)
    {
        party.Role = p.Role ?? IncidentPartyRole.Party;
        string? id = null,
            phone = null;
        // Checked before (ValidateParties): here only normalised.
        if (Checks.Clean(p.IdNumber) is { } idText)
            IncidentPartyRules.IdNumberProblem(idText, out id);
        if (Checks.Clean(p.Phone) is { } phoneText)
            IncidentPartyRules.PhoneProblem(phoneText, out phone);
        party.SetPerson(protector, Checks.Clean(p.Name), id, phone);
        return party;
    }

    /// <summary>The parties of one item: each needs a name, an ID number or a phone, and what is given must be valid.
    /// <paramref name="stored"/> are the ids an edit may name (none on entry).</summary>
    private static void ValidateParties(FieldErrors e, List<IncidentPartyInput?>? parties, IReadOnlySet<Guid>? stored = null)
    {
        if (parties is null)
            return;
        if (parties.Count > MaxParties)
        {
            e.Add("parties", $"当事人最多 {MaxParties} 人");
            return;
        }
        for (var n = 0; n < parties.Count; n++)
        {
            var field = $"parties[{n}]";
            if (parties[n] is not { } p)
            {
                e.Add(field, "当事人为空");
                continue;
            }
            if (p.Role is { } role && !Enum.IsDefined(role))
                e.Add($"{field}.role", "当事人身份无效");
            if (p.Id is { } pid)
            {
                if (stored is null || !stored.Contains(pid))
                    e.Add($"{field}.id", "当事人不存在");
                else if (parties.Count(q => q?.Id == pid) > 1)
                    e.Add($"{field}.id", "同一当事人重复出现");
                if (p.KeepsStored())
                    continue;
            }
            Length(e, $"{field}.name", p.Name, "当事人姓名", TextLimits.Name);
            var id = Checks.Clean(p.IdNumber);
            var phone = Checks.Clean(p.Phone);
            if (Checks.Clean(p.Name) is null && id is null && phone is null)
                e.Add(field, "当事人须至少填写姓名、身份证号或联系电话之一");
            if (id is not null && IncidentPartyRules.IdNumberProblem(id, out _) is { } idProblem)
                e.Add($"{field}.idNumber", idProblem);
            if (phone is not null && IncidentPartyRules.PhoneProblem(phone, out _) is { } phoneProblem)
                e.Add($"{field}.phone", phoneProblem);
        }
    }

    /// <summary>Every field of one item; collected, so the 110 system sees all that is wrong with it at once.</summary>
    private static FieldErrors Validate(IncidentInput? input, IReadOnlyDictionary<string, string?> categories, DateTimeOffset now)
    {
        var e = new FieldErrors();
        if (input is null)
        {
            e.Add("item", "警情为空");
            return e;
        }
        var number = Checks.Clean(input.Number);
        if (number is null)
            e.Add("number", "警情编号不能为空");
        else if (number.Length > TextLimits.Code)
            e.Add("number", $"警情编号不能超过 {TextLimits.Code} 个字符");
        else if (!number.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
            e.Add("number", "警情编号只能含字母、数字、“-”和“_”");
        if (input.ReceivedAt is not { } at)
            e.Add("receivedAt", "接警时间不能为空");
        else if (at > now + ClockSkew)
            e.Add("receivedAt", "接警时间不能晚于当前时间");
        else if (at.Year < 2000)
            e.Add("receivedAt", "接警时间须在 2000 年以后");
        CheckCategories(e, input.CategoryCode, input.TypeCode, input.SubtypeCode, categories);
        Length(e, "callerName", input.CallerName, "报警人姓名", TextLimits.Name);
        if (Checks.Clean(input.CallerPhone) is { } phone)
        {
            if (phone.Length > 40)
                e.Add("callerPhone", "报警电话过长");
            else if (PhoneNumber.Parse(phone) is { IsValid: false } bad)
                e.Add("callerPhone", bad.Error ?? "报警电话无效");
        }
        Length(e, "address", input.Address, "发生地址", TextLimits.Address);
        if (Checks.Clean(input.Summary) is null)
            e.Add("summary", "简要警情不能为空");
        else
            Length(e, "summary", input.Summary, "简要警情", TextLimits.Text);
        Length(e, "disposition", input.Disposition, "处置情况", TextLimits.Text);
        Length(e, "handlingOfficer", input.HandlingOfficer, "处警民警", TextLimits.Name);
        if (input.HandlingUnitId is null)
            e.Add("handlingUnitId", "请选择承办单位");
        if ((input.Longitude is null) != (input.Latitude is null))
            e.Add("longitude", "经度和纬度须同时填写");
        if (input.Longitude is { } lng && (double.IsNaN(lng) || lng is < -180 or > 180))
            e.Add("longitude", "经度须在 -180 到 180 之间");
        if (input.Latitude is { } lat && (double.IsNaN(lat) || lat is < -90 or > 90))
            e.Add("latitude", "纬度须在 -90 到 90 之间");
        if (input.Validity is { } v && !Enum.IsDefined(v))
            e.Add("validity", "警情有效性无效");
        ValidateParties(e, input.Parties);
        return e;
    }

    private static void CheckCategories(
        FieldErrors e,
        string? category,
        string? type,
        string? subtype,
        IReadOnlyDictionary<string, string?> known
    )
    {
        var c = Checks.Clean(category);
        var t = Checks.Clean(type);
        var s = Checks.Clean(subtype);
        if (c is null)
            e.Add("categoryCode", "请选择警情类别");
        else if (!known.TryGetValue(c, out var parent) || parent is not null)
            e.Add("categoryCode", "警情类别不在字典中（须为一级类别）");
        if (t is not null && c is not null && (!known.TryGetValue(t, out var tp) || tp != c))
            e.Add("typeCode", "警情类型不在字典中或不属于所选类别");
        if (s is not null)
        {
            if (t is null)
                e.Add("subtypeCode", "填写细类前须先选择类型");
            else if (!known.TryGetValue(s, out var sp) || sp != t)
                e.Add("subtypeCode", "警情细类不在字典中或不属于所选类型");
        }
    }

    private static void Length(FieldErrors e, string field, string? value, string label, int max)
    {
        if (value is not null && value.Trim().Length > max)
            e.Add(field, $"{label}不能超过 {max} 个字");
    }

    /// <summary>Active codes of the incident categories with their parent codes.</summary>
    private async Task<IReadOnlyDictionary<string, string?>> CategoriesAsync(CancellationToken ct) =>
        await db
            .DictionaryItems.AsNoTracking()
            .Where(i => i.Category == CategoryDictionary && i.IsActive)
            .ToDictionaryAsync(i => i.Code, i => i.ParentCode, StringComparer.Ordinal, ct);

    public async Task<PagedResult<IncidentRow>> ListAsync(IncidentFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = await QueryAsync(f, ct);
        return await q.ToKeysetPageAsync(page, Ledger, Project, ct);
    }

    /// <summary>The ledger's order, latest first, and its pages by key: the (ReceivedAt) index read backwards from the
    /// last row of the page before, ties on the time broken by id.</summary>
    private static readonly Keyset<Incident, IncidentRow> Ledger = new(
        "incidents",
        q => q.OrderByDescending(x => x.ReceivedAt).ThenByDescending(x => x.Id),
        c => x => x.ReceivedAt <= c.At && (x.ReceivedAt < c.At || x.Id.CompareTo(c.Id) < 0),
        r => PageCursor.Of(r.ReceivedAt, r.Id)
    );

    public async Task<IReadOnlyList<IncidentRow>> ExportAsync(IncidentFilter f, int max, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsExport);
        var rows = await Project(Ledger.Order(await QueryAsync(f, ct)).Take(max)).ToListAsync(ct);
        db.Audit(AuditAction.Export, nameof(Incident), null, $"导出警情台账 {rows.Count} 条（报警人脱敏）；条件：{Describe(f)}");
        await db.SaveChangesAsync(ct);
        return rows;
    }

    /// <summary>An incident in full, in two statements: one reads the incident and the incidents linked to it (each
    /// only when in the caller's scope) with the names of its units, the incident it repeats and its dispute (also only
    /// in scope); one reads its parties.</summary>
    public async Task<IncidentDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRead);
        var scope = await user.GetScopeAsync(ct);
        var incidents = scope.Filter<Incident>();
        var disputes = scope.Filter<Dispute>();
        var rows = await db
            .Incidents.AsNoTracking()
            .Where(incidents)
            .Where(i =>
                i.Id == id
                || db.IncidentLinks.Any(l => (l.IncidentId == id && l.RelatedId == i.Id) || (l.RelatedId == id && l.IncidentId == i.Id))
            )
            .Select(i => new
            {
                Incident = i,
                UnitName = i.OrgUnit!.Name,
                Handling = i.Id == id ? db.OrgUnits.Where(u => u.Id == i.HandlingUnitId).Select(u => u.Name).FirstOrDefault() : null,
                RepeatOf = i.Id == id && i.RepeatOfId != null
                    ? db.Incidents.Where(incidents).Where(r => r.Id == i.RepeatOfId).Select(r => r.Number).FirstOrDefault()
                    : null,
                Dispute = i.Id == id && i.DisputeId != null
                    ? db.Disputes.Where(disputes).Where(d => d.Id == i.DisputeId).Select(d => d.Number).FirstOrDefault()
                    : null,
            })
            .ToListAsync(ct);
        var d = rows.FirstOrDefault(r => r.Incident.Id == id) ?? throw new NotFoundException();
        var x = d.Incident;
        var related = rows.Where(r => r.Incident.Id != id)
            .Select(r => r.Incident)
            .OrderBy(i => i.ReceivedAt)
            .ThenBy(i => i.Id)
            .Select(i => new LinkedIncident(i.Id, i.Number, i.ReceivedAt, i.Summary))
            .ToList();
        var parties = await db
            .IncidentParties.AsNoTracking()
            .Where(p => p.IncidentId == id)
            .OrderBy(p => p.Position)
            .Select(p => new IncidentPartyView(p.Id, p.Role, p.NameMasked, p.IdNumberMasked, p.PhoneMasked))
            .ToListAsync(ct);
        return new IncidentDetail(
            Row(x) with
            {
                OrgUnitName = d.UnitName,
            },
            x.CallerNameMasked,
            x.CallerPhoneMasked,
            x.Longitude,
            x.Latitude,
            x.Disposition,
            x.HandlingUnitId,
            d.Handling,
            x.PlacedBy,
            x.RepeatOfId,
            d.RepeatOf,
            x.DisputeId,
            d.Dispute,
            x.CaseId,
            x.ImportBatchId,
            related,
            parties
        );
    }

    /// <summary>Changes the assessment of an incident; the version read must match (409 otherwise).</summary>
    public async Task<Incident> UpdateAsync(Guid id, IncidentEditInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        var scope = await user.GetScopeAsync(ct);
        var x = await db.Incidents.Where(scope.Filter<Incident>()).FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException();
        Concurrency.Expect(db, x, input.Version);
        var e = new FieldErrors();
        CheckCategories(e, input.CategoryCode, input.TypeCode, input.SubtypeCode, await CategoriesAsync(ct));
        Length(e, "disposition", input.Disposition, "处置情况", TextLimits.Text);
        Length(e, "handlingOfficer", input.HandlingOfficer, "处警民警", TextLimits.Name);
        if (input.Validity is { } v && !Enum.IsDefined(v))
            e.Add("validity", "警情有效性无效");
        if (input.RepeatOfId == id)
            e.Add("repeatOfId", "不能标记为自身的重复");
        else if (input.RepeatOfId is { } r && !await db.Incidents.Where(scope.Filter<Incident>()).AnyAsync(i => i.Id == r, ct))
            e.Add("repeatOfId", "所重复的原警情不存在或不在您的管辖范围内");
        if (input.DisputeId is { } d && !await db.Disputes.Where(scope.Filter<Dispute>()).AnyAsync(i => i.Id == d, ct))
            e.Add("disputeId", "关联的纠纷不存在或不在您的管辖范围内");
        var stored = input.Parties is null ? [] : await db.IncidentParties.Where(p => p.IncidentId == x.Id).ToListAsync(ct);
        ValidateParties(e, input.Parties, stored.Select(p => p.Id).ToHashSet());
        e.ThrowIfAny();
        if (input.Parties is { } parties)
        {
            // The list is the parties from now on: stored ones named are kept (or replaced), the others removed.
            var byId = stored.ToDictionary(p => p.Id);
            var removed = stored.Where(p => !parties.Any(q => q!.Id == p.Id)).ToList();
            db.IncidentParties.RemoveRange(removed);
            var changed = removed.Count > 0;
            for (var n = 0; n < parties.Count; n++)
            {
                var given = parties[n]!;
                if (given.Id is { } pid && byId.TryGetValue(pid, out var party))
                {
                    var role = given.Role ?? party.Role;
                    changed |= party.Position != n || party.Role != role || !given.KeepsStored();
                    party.Position = n;
                    if (given.KeepsStored())
                        party.Role = role;
                    else
                        Fill(party, given);
                }
                else
                {
                    db.IncidentParties.Add(
                        Fill(
                            new IncidentParty
                            {
                                IncidentId = x.Id,
                                Position = n,
                                ReceivedAt = x.ReceivedAt,
                            },
                            given
                        )
                    );
                    changed = true;
                }
            }
            // The incident's version moves with its parties, so two people editing them at once are told.
            if (changed)
                x.UpdatedAt = db.Now;
        }
        x.Reassess(
            input.CategoryCode!.Trim(),
            Checks.Clean(input.TypeCode),
            Checks.Clean(input.SubtypeCode),
            Checks.Clean(input.Disposition),
            Checks.Clean(input.HandlingOfficer),
            input.Preventable,
            input.Validity,
            input.RepeatOfId,
            input.DisputeId
        );
        await DisputeRiskGrader.RegradeLinkedAsync(db, user.UserId, ct);
        var known = stored.Select(p => p.PersonKey).ToHashSet();
        var newPeople =
            input.Parties is not null
            && x.Validity != IncidentValidity.Invalid
            && db.IncidentParties.Local.Any(p => p.IncidentId == x.Id && p.PersonKey is not null && !known.Contains(p.PersonKey));
        if (!newPeople)
        {
            await db.SaveChangesAsync(ct);
            return x;
        }
        // A person named only now may be the same as in earlier incidents: the repeat check looks again, on the parties.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        x.UseParties(db.IncidentParties.Local.Where(p => p.IncidentId == x.Id).OrderBy(p => p.Position).ToList());
        var newPhones = x
            .Parties.Where(p => p.PersonKey is not null && !known.Contains(p.PersonKey))
            .Select(p => p.PhoneHash)
            .OfType<string>()
            .ToList();
        if (steps.OfType<Repeats.RepeatCheck>().FirstOrDefault() is { } check)
            await check.OnPartiesAddedAsync(db, x, newPhones, ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return x;
    }

    /// <summary>Places a queued (or wrongly placed) incident by hand, into a unit in the caller's scope.</summary>
    public async Task<Incident> PlaceAsync(Guid id, IncidentPlaceInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        var scope = await user.GetScopeAsync(ct);
        var x = await db.Incidents.Where(scope.Filter<Incident>()).FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException();
        Concurrency.Expect(db, x, input.Version);
        if (input.OrgUnitId is not { } unitId)
            throw new ValidationFailedException("orgUnitId", "请选择警情发生地所属单位");
        var unit = await db.UnitInScopeAsync(scope, unitId, ct);
        if (unit.IsRetired)
            throw new ValidationFailedException("orgUnitId", "该单位已撤销");
        x.Place(unit.Id, PlacementMethod.Hand);
        await db.SaveChangesAsync(ct);
        return x;
    }

    /// <summary>Links two incidents as related (the same event reported twice); linking again changes nothing.</summary>
    public async Task LinkAsync(Guid id, Guid relatedId, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        if (id == relatedId)
            throw new ValidationFailedException("relatedId", "不能把警情与自身关联");
        var (a, b) = await PairInScopeAsync(id, relatedId, ct);
        if (await db.IncidentLinks.AnyAsync(l => l.IncidentId == a && l.RelatedId == b, ct))
            return;
        db.IncidentLinks.Add(
            new IncidentLink
            {
                IncidentId = a,
                RelatedId = b,
                CreatedAt = db.Now,
                CreatedById = user.UserId,
            }
        );
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear(); /* linked at the same moment by someone else */
        }
    }

    public async Task UnlinkAsync(Guid id, Guid relatedId, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRegister);
        var (a, b) = await PairInScopeAsync(id, relatedId, ct);
        var link = await db.IncidentLinks.FirstOrDefaultAsync(l => l.IncidentId == a && l.RelatedId == b, ct)
            ?? throw new NotFoundException("两条警情之间没有关联");
        db.IncidentLinks.Remove(link);
        await db.SaveChangesAsync(ct);
    }

    private async Task<(Guid, Guid)> PairInScopeAsync(Guid id, Guid relatedId, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var found = await db
            .Incidents.AsNoTracking()
            .Where(scope.Filter<Incident>())
            .Where(i => i.Id == id || i.Id == relatedId)
            .CountAsync(ct);
        if (found < (id == relatedId ? 1 : 2))
            throw new NotFoundException();
        return id.CompareTo(relatedId) < 0 ? (id, relatedId) : (relatedId, id);
    }

    /// <summary>Shows the caller's name and phone in full to a permitted user, and records that they saw them.</summary>
    public async Task<RevealedCaller> RevealCallerAsync(Guid id, string? reason, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRead);
        user.DemandReveal();
        var scope = await user.GetScopeAsync(ct);
        var x = await db.Incidents.AsNoTracking().Where(scope.Filter<Incident>()).FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException();
        db.AuditReveal(nameof(Incident), x.Id.ToString(), $"查看警情 {x.Number} 报警人的完整姓名和电话", reason);
        await db.SaveChangesAsync(ct);
        return new RevealedCaller(x.Id, x.Number, protector.Reveal(x.CallerName), protector.Reveal(x.CallerPhone));
    }

    /// <summary>Shows the parties' names, ID numbers and phones in full to a permitted user, and records that they saw them.</summary>
    public async Task<IReadOnlyList<RevealedParty>> RevealPartiesAsync(Guid id, string? reason, CancellationToken ct = default)
    {
        user.Demand(Permissions.IncidentsRead);
        user.DemandReveal();
        var scope = await user.GetScopeAsync(ct);
        var x = await db.Incidents.AsNoTracking().Where(scope.Filter<Incident>()).FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw new NotFoundException();
        var parties = await db.IncidentParties.AsNoTracking().Where(p => p.IncidentId == id).OrderBy(p => p.Position).ToListAsync(ct);
        db.AuditReveal(
            nameof(Incident),
            x.Id.ToString(),
            $"查看警情 {x.Number} 当事人（{parties.Count} 人）的完整姓名、身份证号和电话",
            reason
        );
        await db.SaveChangesAsync(ct);
        return parties
            .Select(p => new RevealedParty(p.Id, p.Role, protector.Reveal(p.Name), protector.Reveal(p.IdNumber), protector.Reveal(p.Phone)))
            .ToList();
    }

    private async Task<IQueryable<Incident>> QueryAsync(IncidentFilter f, CancellationToken ct)
    {
        user.Demand(Permissions.IncidentsRead);
        var scope = await user.GetScopeAsync(ct);
        var q = db.Incidents.AsNoTracking().Where(scope.Filter<Incident>());
        if (Checks.SearchTerm(f.Q) is { } text)
            q = Search(q, text);
        if (f.From is { } from && f.To is { } to && to < from)
            throw new ValidationFailedException("to", "结束日期不能早于开始日期");
        if (f.From is { } start)
        {
            var at = new DateTimeOffset(start.ToDateTime(TimeOnly.MinValue), China).ToUniversalTime();
            q = q.Where(x => x.ReceivedAt >= at);
        }
        if (f.To is { } end)
        {
            var before = new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), China).ToUniversalTime();
            q = q.Where(x => x.ReceivedAt < before);
        }
        if (Checks.Clean(f.Category) is { } c)
        {
            if (c.Length > TextLimits.Code)
                throw new ValidationFailedException("category", "类别代码过长");
            q = q.Where(x => x.CategoryCode == c || x.TypeCode == c || x.SubtypeCode == c);
        }
        if (f.Validity is { } v)
            q = q.Where(x => x.Validity == v);
        if (f.Preventable is { } p)
            q = q.Where(x => x.Preventable == p);
        if (f.Unplaced is { } unplaced)
            q = unplaced ? q.Where(x => x.PlaceId == null) : q.Where(x => x.PlaceId != null);
        if (f.Flagged is { } flagged)
            q = q.Where(x => x.FlaggedRepeat == flagged);
        if (f.Source is { } s)
            q = q.Where(x => x.Source == s);
        if (f.OrgUnitId is { } unitId)
            q = await DataScope.UnderUnitAsync(q, db, unitId, ct);
        return q;
    }

    // Stands for "no key" in the search: matches no stored address key or hash (a NUL would be refused by PostgreSQL).
    private const string None = "\u0001";

    /// <summary>The number or the summary containing the words, the address by its match key (or containing the
    /// words), the caller's name or a caller's or party's phone exactly, by its blind index.</summary>
    private IQueryable<Incident> Search(IQueryable<Incident> q, string text)
    {
        var key = addresses.Key(text) ?? None;
        var phone = PhoneNumber.Parse(text) is { IsValid: true, Normalized: { } normalized } ? protector.BlindIndex(normalized) : None;
        var name = protector.BlindIndex(text);
        var parties = db.IncidentParties.AsNoTracking();
        return q.Where(x =>
            x.Number.Contains(text)
            || x.Summary.Contains(text)
            || (x.AddressKey != null && x.AddressKey.StartsWith(key))
            || (x.Address != null && x.Address.Contains(text))
            || x.CallerPhoneHash == phone
            || x.CallerNameHash == name
            || parties.Any(p => p.IncidentId == x.Id && p.PhoneHash == phone)
        );
    }

    private static string Describe(IncidentFilter f)
    {
        var parts = new[]
        {
            f.Q is null ? null : $"搜索“{f.Q}”",
            f.From is null ? null : $"自 {f.From:yyyy-MM-dd}",
            f.To is null ? null : $"至 {f.To:yyyy-MM-dd}",
            f.Category is null ? null : $"类别 {f.Category}",
            f.OrgUnitId is null ? null : $"单位 {f.OrgUnitId}",
            f.Validity?.Label(),
            f.Preventable is null ? null
            : f.Preventable.Value ? "可防"
            : "不可防",
            f.Unplaced == true ? "待落地" : null,
            f.Flagged == true ? "疑似重复" : null,
            f.Source?.Label(),
        }.Where(p => p is not null);
        var text = string.Join("，", parts);
        return text.Length == 0 ? "全部" : text;
    }

    // One projection for queries and for loaded entities, so a list row and a single row cannot drift apart;
    // the unit's name is null-safe because a loaded entity may come without its unit.
    private static readonly Expression<Func<Incident, IncidentRow>> AsRow = x => new IncidentRow(
        x.Id,
        x.Number,
        x.ReceivedAt,
        x.CategoryCode,
        x.TypeCode,
        x.SubtypeCode,
        x.Address,
        x.Summary,
        x.PlaceId,
        x.OrgUnitId,
        x.OrgUnit == null ? null : x.OrgUnit.Name,
        x.HandlingOfficer,
        x.Validity,
        x.Preventable,
        x.FlaggedRepeat,
        x.Source,
        x.Version
    );

    private static readonly Func<Incident, IncidentRow> ToRow = AsRow.Compile();

    private static IQueryable<IncidentRow> Project(IQueryable<Incident> q) => q.Select(AsRow);

    private static IncidentRow Row(Incident x) => ToRow(x);

    /// <summary>Field errors of one item, kept rather than thrown so a batch can report every item.</summary>
    private sealed class FieldErrors
    {
        private readonly Dictionary<string, List<string>> _errors = [];

        public bool Ok => _errors.Count == 0;

        public IReadOnlyDictionary<string, string[]> Errors => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

        public void Add(string field, string message)
        {
            if (!_errors.TryGetValue(field, out var list))
                _errors[field] = list = [];
            list.Add(message);
        }

        public void ThrowIfAny()
        {
            if (!Ok)
                throw new ValidationFailedException(_errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
        }
    }
}
