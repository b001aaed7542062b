using Lianxin.Core.Access;
using Lianxin.Core.Audit;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Organization;

/// <summary>Residents: registered and read within scope, personal data kept encrypted and shown
/// masked, revealed only with permission and always audited.</summary>
public sealed class ResidentService(LianxinDbContext db, ICurrentUser user, PersonalDataProtector protector, AddressNormalizer addresses)
{
    /// <summary>The answer when an ID number is already registered outside the caller's scope: it names no station and no person.</summary>
    public const string RegisteredElsewhere = "该身份证号已在本县登记，请联系县局管理员核实";

    public const int MaxTags = 20;
    public const int MaxTagLength = 16;

    public async Task<PagedResult<ResidentView>> ListAsync(ResidentFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var oneStation = db.IsPostgres && (await user.GetScopeAsync(ct)).OneStation;
        var query = await QueryAsync(filter, ct, oneStation);
        return await query.ToKeysetPageAsync(page, LedgerOf(filter.Sort, oneStation), Project, ct);
    }

    /// <summary>The newest first (ids are time-ordered) pages by key; the other sorts page by offset. Within one station
    /// on PostgreSQL the newest first are ordered by (station, id), the same order, so that the planner reads the
    /// station's (station, id) index backwards rather than the primary key past every other station's newer rows (its
    /// statistics say nothing of a register imported station by station).</summary>
    private static Keyset<Resident, ResidentView> LedgerOf(string? sort, bool oneStation) =>
        sort is null or "" or "-createdAt"
            ? new(
                "residents",
                oneStation ? q => q.OrderByDescending(r => r.StationId).ThenByDescending(r => r.Id) : q => q.OrderByDescending(r => r.Id),
                c => r => r.Id.CompareTo(c.Id) < 0,
                r => new PageCursor(0, r.Id)
            )
            : new("residents", q => Sort(q, sort), null, r => new PageCursor(0, r.Id));

    /// <summary>The rows of an export, capped; the export itself is audited by the caller's save.</summary>
    public async Task<IReadOnlyList<ResidentView>> ExportAsync(ResidentFilter filter, int max, CancellationToken ct = default)
    {
        user.Demand(Permissions.PeopleExport);
        var query = await QueryAsync(filter, ct);
        var rows = await Project(Sort(query, filter.Sort).Take(max)).ToListAsync(ct);
        db.Audit(AuditAction.Export, nameof(Resident), null, $"导出群众名单 {rows.Count} 条（脱敏）；条件：{Describe(filter)}");
        await db.SaveChangesAsync(ct);
        return rows;
    }

    public async Task<ResidentView> GetAsync(Guid id, CancellationToken ct = default)
    {
        user.Demand(Permissions.PeopleRead);
        var scope = await user.GetScopeAsync(ct);
        return await Project(db.Residents.AsNoTracking().Where(scope.Filter<Resident>()).Where(r => r.Id == id)).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException();
    }

    /// <summary>Shows the full ID number and phone to a permitted user, and records that they saw them.</summary>
    public async Task<RevealedResident> RevealAsync(Guid id, string? reason, CancellationToken ct = default)
    {
        user.DemandReveal();
        var scope = await user.GetScopeAsync(ct);
        var r = await db.Residents.AsNoTracking().Where(scope.Filter<Resident>()).FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new NotFoundException();
        db.AuditReveal(nameof(Resident), r.Id.ToString(), $"查看 {r.Name} 的完整身份证号和电话", reason);
        await db.SaveChangesAsync(ct);
        return new RevealedResident(r.Id, r.Name, protector.Reveal(r.IdNumber), protector.Reveal(r.Phone), r.BirthDate);
    }

    public async Task<Resident> CreateAsync(ResidentInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.PeopleManage);
        var (id, phone) = Validate(input);
        var unit = await UnitInScope(input.OrgUnitId!.Value, ct);
        var resident = new Resident { OrgUnitId = unit.Id };
        await Apply(resident, input, id, phone, ct);
        db.Residents.Add(resident);
        await db.SaveChangesAsync(ct);
        return resident;
    }

    public async Task<Resident> UpdateAsync(Guid residentId, ResidentInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.PeopleManage);
        var (id, phone) = Validate(input);
        var scope = await user.GetScopeAsync(ct);
        var resident = await db.Residents.Where(scope.Filter<Resident>()).FirstOrDefaultAsync(r => r.Id == residentId, ct)
            ?? throw new NotFoundException();
        Concurrency.Expect(db, resident, input.Version);
        var unit = await UnitInScope(input.OrgUnitId!.Value, ct);
        resident.OrgUnitId = unit.Id;
        await Apply(resident, input, id, phone, ct);
        await db.SaveChangesAsync(ct);
        return resident;
    }

    private async Task Apply(Resident r, ResidentInput input, CitizenIdResult? id, PhoneNumberResult? phone, CancellationToken ct)
    {
        r.Name = input.Name!.Trim();
        r.Address = Checks.Clean(input.Address);
        r.AddressKey = addresses.KeyOrEmpty(r.Address);
        r.Tags = (input.Tags ?? []).Select(t => t.Trim()).Where(t => t.Length > 0).Distinct().ToList();
        if (id is { Normalized: { } number })
        {
            var hash = protector.BlindIndex(number);
            if (hash != r.IdNumberHash)
            {
                var same = db.Residents.Where(x => x.IdNumberHash == hash && x.Id != r.Id);
                if (await same.AnyAsync(ct))
                    throw new ConflictException(
                        await same.Where((await user.GetScopeAsync(ct)).Filter<Resident>()).AnyAsync(ct)
                            ? "该身份证号已登记过，请勿重复登记（可按身份证号查找已有记录）"
                            // Registered where the caller cannot see: say nothing of whom or which station.
                            : RegisteredElsewhere
                    );
                r.IdNumber = protector.Protect(number, CitizenId.Mask);
            }
            r.BirthDate = id.BirthDate;
            r.Gender = id.Gender;
        }
        else
        {
            if (input.IdNumber is not null)
                r.IdNumber = ProtectedText.Empty;
            if (!r.IdNumber.HasValue)
            {
                // Lists never show the full date, so an edit that sends none keeps the stored one.
                if (input.BirthDate is not null)
                    r.BirthDate = input.BirthDate;
                r.Gender = input.Gender ?? r.Gender;
            }
        }
        if (phone is { Normalized: { } p })
            r.Phone = protector.ProtectIfChanged(r.Phone, p, PhoneNumber.Mask);
        else if (input.Phone is not null)
            r.Phone = ProtectedText.Empty;
    }

    private async Task<IQueryable<Resident>> QueryAsync(ResidentFilter f, CancellationToken ct, bool orderedByStation = false)
    {
        user.Demand(Permissions.PeopleRead);
        var scope = await user.GetScopeAsync(ct);
        var q = scope.WithinStations(db.Residents.AsNoTracking().Where(scope.Filter<Resident>()), orderedByStation);
        if (Checks.Clean(f.IdNumber) is { } idText)
        {
            var parsed = CitizenId.Parse(idText, ChinaTime.Day(db.Now));
            if (!parsed.IsValid)
                throw new ValidationFailedException("idNumber", parsed.Error ?? "身份证号无效");
            var hash = protector.BlindIndex(parsed.Normalized!);
            q = q.Where(r => r.IdNumberHash == hash);
        }
        if (Checks.Clean(f.Phone) is { } phoneText)
        {
            var parsed = PhoneNumber.Parse(phoneText);
            if (!parsed.IsValid)
                throw new ValidationFailedException("phone", parsed.Error ?? "电话号码无效");
            var hash = protector.BlindIndex(parsed.Normalized!);
            q = q.Where(r => r.PhoneHash == hash);
        }
        if (Checks.SearchTerm(f.Q) is { } text)
        {
            q = q.Where(r => r.Name.Contains(text) || (r.Address != null && r.Address.Contains(text)));
        }
        if (f.OrgUnitId is { } unitId)
            q = await DataScope.UnderUnitAsync(q, db, unitId, ct);
        if (Checks.Clean(f.Tag) is { } tag)
            q = q.Where(r => r.Tags.Contains(tag));
        return q;
    }

    private static IOrderedQueryable<Resident> Sort(IQueryable<Resident> q, string? sort) =>
        sort switch
        {
            "name" => q.OrderBy(r => r.Name).ThenBy(r => r.Id),
            "-name" => q.OrderByDescending(r => r.Name).ThenBy(r => r.Id),
            "birthDate" => q.OrderBy(r => r.BirthDate).ThenBy(r => r.Id),
            "-birthDate" => q.OrderByDescending(r => r.BirthDate).ThenBy(r => r.Id),
            null or "" or "-createdAt" => q.OrderByDescending(r => r.Id),
            "createdAt" => q.OrderBy(r => r.Id),
            _ => throw new ValidationFailedException("sort", "排序字段只能是 name、birthDate、createdAt（前加 - 表示倒序）"),
        };

    private static IQueryable<ResidentView> Project(IQueryable<Resident> q) =>
        q.Select(r => new ResidentView(
            r.Id,
            r.Name,
            r.Gender,
            r.BirthDate == null ? null : r.BirthDate.Value.Year,
            r.IdNumberMasked,
            r.PhoneMasked,
            r.Address,
            r.OrgUnitId,
            r.OrgUnit!.Name,
            r.Tags,
            r.Version
        ));

    // Numerals can lengthen a key (千 → 1000); a cut key still matches the same writings of one address.

    private (CitizenIdResult? Id, PhoneNumberResult? Phone) Validate(ResidentInput input)
    {
        var c = new Checks()
            .Required("name", input.Name, "姓名", TextLimits.Name)
            .Optional("address", input.Address, "住址", TextLimits.Address);
        if (input.OrgUnitId is null)
            c.Add("orgUnitId", "请选择所属单位");
        CitizenIdResult? id = null;
        if (Checks.Clean(input.IdNumber) is { } idText)
        {
            id = CitizenId.Parse(idText, ChinaTime.Day(db.Now));
            if (!id.IsValid)
                c.Add("idNumber", id.Error ?? "身份证号无效");
        }
        PhoneNumberResult? phone = null;
        if (Checks.Clean(input.Phone) is { } phoneText)
        {
            phone = PhoneNumber.Parse(phoneText);
            if (!phone.IsValid)
                c.Add("phone", phone.Error ?? "电话号码无效");
        }
        if (input.Gender is { } g && !Enum.IsDefined(g))
            c.Add("gender", "性别无效");
        if (input.BirthDate is { } b && (b.Year < 1900 || b > DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))))
            c.Add("birthDate", "出生日期须在 1900 年之后且不晚于今天");
        if (input.Tags is { } tags)
        {
            if (tags.Count > MaxTags)
                c.Add("tags", $"标签不能超过 {MaxTags} 个");
            if (tags.Any(t => t is null || t.Trim().Length > MaxTagLength))
                c.Add("tags", $"每个标签不能超过 {MaxTagLength} 个字");
        }
        c.ThrowIfAny();
        return (id, phone);
    }

    private async Task<OrgUnit> UnitInScope(Guid unitId, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var unit = await db.UnitInScopeAsync(scope, unitId, ct);
        if (unit.IsRetired)
            throw new ValidationFailedException("orgUnitId", "所属单位已撤销");
        return unit;
    }

    private static string Describe(ResidentFilter f) =>
        string.Join(
            "；",
            new[]
            {
                f.Q is null ? null : $"关键词 {f.Q}",
                f.OrgUnitId is null ? null : $"单位 {f.OrgUnitId}",
                f.Tag is null ? null : $"标签 {f.Tag}",
                f.IdNumber is null ? null : "按身份证号",
                f.Phone is null ? null : "按电话",
            }
                .Where(s => s is not null)
                .DefaultIfEmpty("全部")
        );
}
