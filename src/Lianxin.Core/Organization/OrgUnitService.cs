using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Organization;

/// <summary>The place tree: read within scope, and the changes a station makes to it.</summary>
public sealed class OrgUnitService(LianxinDbContext db, ICurrentUser user)
{
    public async Task<IQueryable<OrgUnit>> VisibleAsync(CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        return db.OrgUnits.AsNoTracking().Where(scope.UnitFilter());
    }

    /// <summary>Top of the caller's visible tree: the visible units whose parent is not visible.</summary>
    public async Task<IReadOnlyList<OrgUnitSummary>> RootsAsync(bool includeRetired, CancellationToken ct = default)
    {
        var scope = await user.GetScopeAsync(ct);
        if (scope.All)
            return await Summaries(db.OrgUnits.AsNoTracking().Where(u => u.ParentId == null), includeRetired, ct);
        var anchors = scope.Units.ToList();
        var byPath = await db
            .OrgUnits.AsNoTracking()
            .Where(scope.UnitFilter())
            .OrderBy(u => u.Depth)
            .Select(u => new { u.Id, u.Path })
            .Take(2000)
            .ToListAsync(ct);
        var roots = new List<Guid>();
        var rootPaths = new List<string>();
        foreach (var u in byPath)
        {
            if (rootPaths.Any(p => u.Path.StartsWith(p, StringComparison.Ordinal)))
                continue;
            roots.Add(u.Id);
            rootPaths.Add(u.Path);
        }
        roots.AddRange(anchors.Where(a => !roots.Contains(a)));
        return await Summaries(db.OrgUnits.AsNoTracking().Where(u => roots.Contains(u.Id)), includeRetired, ct);
    }

    public async Task<IReadOnlyList<OrgUnitSummary>> ChildrenAsync(Guid parentId, bool includeRetired, CancellationToken ct = default)
    {
        var visible = await VisibleAsync(ct);
        return await Summaries(visible.Where(u => u.ParentId == parentId), includeRetired, ct);
    }

    public async Task<PagedResult<OrgUnitSummary>> SearchAsync(
        string? q,
        OrgUnitKind? kind,
        Guid? under,
        bool includeRetired,
        PageRequest page,
        CancellationToken ct = default
    )
    {
        var query = await VisibleAsync(ct);
        if (!includeRetired)
            query = query.Where(u => !u.IsRetired);
        if (kind is not null)
            query = query.Where(u => u.Kind == kind);
        if (Checks.Clean(q) is { } text)
            query = query.Where(u => u.Name.Contains(text) || u.Code.Contains(text));
        if (under is not null)
        {
            var path = await db.OrgUnits.Where(u => u.Id == under).Select(u => u.Path).FirstOrDefaultAsync(ct)
                ?? throw new NotFoundException("上级单位不存在");
            query = query.Where(u => u.Path.StartsWith(path));
        }
        return await query.OrderBy(u => u.Depth).ThenBy(u => u.Code).ToPageAsync(page, Project, ct);
    }

    public async Task<OrgUnitDetail> GetAsync(Guid id, CancellationToken ct = default)
    {
        var visible = await VisibleAsync(ct);
        var u = await visible.Include(x => x.Parent).FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException();
        var ancestorIds = OrgUnit.ChainOf(u.Path).Where(a => a != u.Id).ToList();
        var ancestors = await Project(visible.Where(a => ancestorIds.Contains(a.Id)).OrderBy(a => a.Depth)).ToListAsync(ct);
        var children = await db.OrgUnits.CountAsync(c => c.ParentId == id && !c.IsRetired, ct);
        var scope = await user.GetScopeAsync(ct);
        var members = user.Has(Permissions.MembersRead)
            ? await db.Members.Where(scope.Filter<Member>()).CountAsync(m => m.OrgUnit!.Path.StartsWith(u.Path), ct)
            : 0;
        var residents = user.Has(Permissions.PeopleRead)
            ? await db.Residents.Where(scope.Filter<Resident>()).CountAsync(r => r.OrgUnit!.Path.StartsWith(u.Path), ct)
            : 0;
        return new OrgUnitDetail(
            u.Id,
            u.Code,
            u.Name,
            u.Kind,
            u.Kind.Label(),
            u.ParentId,
            u.Parent?.Name,
            ancestors,
            u.Population,
            u.Households,
            u.BoundaryGeoJson,
            u.CenterLat,
            u.CenterLng,
            u.IsRetired,
            u.RetiredAt,
            children,
            members,
            residents,
            u.Version
        );
    }

    /// <summary>One unit as a list row, or null when it does not exist or lies outside the caller's scope.</summary>
    public async Task<OrgUnitSummary?> SummaryAsync(Guid id, CancellationToken ct = default) =>
        await Project((await VisibleAsync(ct)).Where(x => x.Id == id)).FirstOrDefaultAsync(ct);

    /// <summary>Names of the given units that the caller may see, in one query.</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> NamesAsync(IEnumerable<Guid> ids, CancellationToken ct = default)
    {
        var wanted = ids.Distinct().Take(1000).ToList();
        var visible = await VisibleAsync(ct);
        return await visible.Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public async Task<OrgUnit> CreateAsync(OrgUnitInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.PlacesManage);
        Validate(input, creating: true);
        var scope = await user.GetScopeAsync(ct);
        OrgUnit? parent = null;
        if (input.ParentId is { } pid)
        {
            parent = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == pid, ct)
                ?? throw new ValidationFailedException("parentId", "上级单位不存在");
            if (!scope.Covers(parent))
                throw new ForbiddenException("上级单位不在您的管辖范围内");
        }
        else if (!scope.All)
            throw new ForbiddenException("只有全局范围的用户可以新建最上级单位");
        await EnsureCodeFree(input.Code!, null, ct);
        var unit = OrgUnit.Create(input.Code!, input.Name!, input.Kind!.Value, parent);
        unit.Population = input.Population;
        unit.Households = input.Households;
        unit.SetGeography(input.BoundaryGeoJson, input.CenterLat, input.CenterLng);
        db.OrgUnits.Add(unit);
        await db.SaveChangesAsync(ct);
        return unit;
    }

    public async Task<OrgUnit> UpdateAsync(Guid id, OrgUnitInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.PlacesManage);
        Validate(input, creating: false);
        var unit = await LoadForWrite(id, input.Version, ct);
        await EnsureCodeFree(input.Code!, id, ct);
        unit.SetCode(input.Code!);
        unit.Rename(input.Name!);
        unit.Population = input.Population;
        unit.Households = input.Households;
        unit.SetGeography(input.BoundaryGeoJson, input.CenterLat, input.CenterLng);
        await db.SaveChangesAsync(ct);
        return unit;
    }

    public async Task<OrgUnit> MoveAsync(Guid id, Guid newParentId, long? version, CancellationToken ct = default)
    {
        user.Demand(Permissions.PlacesManage);
        var unit = await LoadForWrite(id, version, ct);
        var scope = await user.GetScopeAsync(ct);
        var target = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == newParentId, ct)
            ?? throw new ValidationFailedException("parentId", "目标上级单位不存在");
        if (!scope.Covers(target))
            throw new ForbiddenException("目标上级单位不在您的管辖范围内");
        var oldPath = unit.Path;
        var oldDepth = unit.Depth;
        unit.MoveTo(target);
        var descendants = await db.OrgUnits.Where(u => u.Path.StartsWith(oldPath) && u.Id != id).ToListAsync(ct);
        foreach (var d in descendants)
            d.RebaseFrom(oldPath, unit.Path, unit.Depth - oldDepth);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.SaveChangesAsync(ct);
        // A unit below a station that moves to another station takes its residents with it (a station moves with its
        // own; nothing above a station can move under another unit).
        if (unit.Kind > OrgUnitKind.Station)
        {
            var newPath = unit.Path;
            var station = (await UnitStations.OfPathsAsync(db, [newPath], ct))[newPath];
            await db
                .Residents.Where(r => db.OrgUnits.Where(u => u.Path.StartsWith(newPath)).Select(u => u.Id).Contains(r.OrgUnitId))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.StationId, station), ct);
        }
        if (tx is not null)
            await tx.CommitAsync(ct);
        return unit;
    }

    public async Task<OrgUnit> RetireAsync(Guid id, long? version, CancellationToken ct = default)
    {
        user.Demand(Permissions.PlacesManage);
        var unit = await LoadForWrite(id, version, ct);
        if (await db.OrgUnits.AnyAsync(c => c.ParentId == id && !c.IsRetired, ct))
            throw new ConflictException("该单位下还有未撤销的下级单位，请先撤销或移走它们");
        unit.Retire(db.Now);
        await db.SaveChangesAsync(ct);
        return unit;
    }

    public async Task<OrgUnit> ReinstateAsync(Guid id, long? version, CancellationToken ct = default)
    {
        user.Demand(Permissions.PlacesManage);
        var unit = await LoadForWrite(id, version, ct);
        if (unit.ParentId is { } pid)
            await db.OrgUnits.Where(p => p.Id == pid).LoadAsync(ct);
        unit.Reinstate();
        await db.SaveChangesAsync(ct);
        return unit;
    }

    private async Task<OrgUnit> LoadForWrite(Guid id, long? version, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        var unit = await db.OrgUnits.FirstOrDefaultAsync(u => u.Id == id, ct) ?? throw new NotFoundException();
        if (!scope.Covers(unit))
            throw new NotFoundException();
        Concurrency.Expect(db, unit, version);
        return unit;
    }

    private async Task EnsureCodeFree(string code, Guid? except, CancellationToken ct)
    {
        var trimmed = code.Trim();
        if (await db.OrgUnits.AnyAsync(u => u.Code == trimmed && u.Id != except, ct))
            throw new ValidationFailedException("code", $"单位编码 {trimmed} 已被使用");
    }

    private static void Validate(OrgUnitInput input, bool creating)
    {
        var c = new Checks()
            .Required("code", input.Code, "单位编码", TextLimits.Code)
            .Required("name", input.Name, "单位名称", TextLimits.Name)
            .Range("population", input.Population, 0, 10_000_000, "人口")
            .Range("households", input.Households, 0, 5_000_000, "户数");
        if (input.Code is { } code && code.Trim().Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')))
            c.Add("code", "单位编码只能包含字母、数字、横线和下划线");
        if (creating && input.Kind is null)
            c.Add("kind", "请选择单位类型");
        if (input.Kind is { } k && !Enum.IsDefined(k))
            c.Add("kind", "单位类型无效");
        c.ThrowIfAny();
    }

    private async Task<IReadOnlyList<OrgUnitSummary>> Summaries(IQueryable<OrgUnit> q, bool includeRetired, CancellationToken ct)
    {
        if (!includeRetired)
            q = q.Where(u => !u.IsRetired);
        return await Project(q.OrderBy(u => u.Code)).ToListAsync(ct);
    }

    private IQueryable<OrgUnitSummary> Project(IQueryable<OrgUnit> q) =>
        q.Select(u => new OrgUnitSummary(
            u.Id,
            u.Code,
            u.Name,
            u.Kind,
            u.ParentId,
            u.Depth,
            u.Population,
            u.Households,
            u.IsRetired,
            db.OrgUnits.Count(c => c.ParentId == u.Id && !c.IsRetired),
            u.Version
        ));
}
