using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Dictionaries;

/// <summary>The category lists. An entry is either the county's (no unit: every station uses it, and only the
/// county's administrators — whose scope holds a top-level unit — add or change it) or a unit's own (seen by that
/// unit and the units above it, kept by whoever's scope covers the unit), following the same scope rules as every
/// other record. Codes are unique in a category across the county, so a code always means one thing.</summary>
public sealed class DictionaryService(LianxinDbContext db, ICurrentUser user)
{
    public const string CountyOnlyMessage = "全县通用的字典项只能由县局管理员维护";

    public async Task<IReadOnlyList<DictionaryItem>> ListAsync(string? category, bool includeInactive, CancellationToken ct = default)
    {
        var q = db.DictionaryItems.AsNoTracking();
        if (Checks.Clean(category) is { } c)
            q = q.Where(i => i.Category == c);
        if (!includeInactive)
            q = q.Where(i => i.IsActive);
        var scope = await user.GetScopeAsync(ct);
        if (!scope.All)
        {
            var visible = await VisibleUnitsAsync(scope, ct);
            q = q.Where(i => i.OrgUnitId == null || visible.Contains(i.OrgUnitId.Value));
        }
        return await q.OrderBy(i => i.Category).ThenBy(i => i.SortOrder).ThenBy(i => i.Code).Take(2000).ToListAsync(ct);
    }

    /// <summary>The names of the units that own the given entries (for the list's "范围" column).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> OwnerNamesAsync(IEnumerable<DictionaryItem> items, CancellationToken ct = default)
    {
        var ids = items.Select(i => i.OrgUnitId).OfType<Guid>().Distinct().ToList();
        if (ids.Count == 0)
            return new Dictionary<Guid, string>();
        return await db.OrgUnits.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    /// <summary>Whether the caller may keep the county's own entries.</summary>
    public async Task<bool> KeepsCountyEntriesAsync(CancellationToken ct = default) =>
        user.Has(Permissions.DictionariesManage) && IsCountyWide(await user.GetScopeAsync(ct));

    public async Task<DictionaryItem> CreateAsync(DictionaryItemInput input, CancellationToken ct = default)
    {
        Require();
        Validate(input);
        var category = input.Category!.Trim();
        var code = input.Code!.Trim();
        var owner = await OwnerForWriteAsync(input.OrgUnitId, ct);
        if (await db.DictionaryItems.AnyAsync(i => i.Category == category && i.Code == code, ct))
            throw new ValidationFailedException("code", $"编码 {code} 在该字典中已存在");
        var item = new DictionaryItem
        {
            Category = category,
            Code = code,
            Name = input.Name!.Trim(),
            ParentCode = Checks.Clean(input.ParentCode),
            SortOrder = input.SortOrder,
            IsActive = input.IsActive,
            OrgUnitId = owner,
        };
        db.DictionaryItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Name, order and active flag may change; the code may not, since records refer to it.</summary>
    public async Task<DictionaryItem> UpdateAsync(Guid id, DictionaryItemInput input, CancellationToken ct = default)
    {
        Require();
        var item = await db.DictionaryItems.FirstOrDefaultAsync(i => i.Id == id, ct) ?? throw new NotFoundException();
        var scope = await user.GetScopeAsync(ct);
        if (item.OrgUnitId is { } unit)
        {
            // Another station's own entry is not there for this caller at all.
            if (!scope.All && !(await VisibleUnitsAsync(scope, ct)).Contains(unit))
                throw new NotFoundException();
            await db.UnitInScopeAsync(scope, unit, ct);
        }
        else if (!IsCountyWide(scope))
            throw new ForbiddenException(CountyOnlyMessage);
        Validate(input with { Category = item.Category, Code = item.Code });
        if (input.Code is { } code && code.Trim() != item.Code)
            throw new ValidationFailedException("code", "字典编码已被记录引用，不能修改；如需停用请取消“启用”");
        Concurrency.Expect(db, item, input.Version);
        item.Name = input.Name!.Trim();
        item.ParentCode = Checks.Clean(input.ParentCode);
        item.SortOrder = input.SortOrder;
        item.IsActive = input.IsActive;
        await db.SaveChangesAsync(ct);
        return item;
    }

    /// <summary>Adds any default entry that is missing; never overwrites a station's edits.</summary>
    public static async Task SeedDefaultsAsync(LianxinDbContext db, CancellationToken ct = default)
    {
        var existing = (await db.DictionaryItems.Select(i => new { i.Category, i.Code }).ToListAsync(ct))
            .Select(i => (i.Category, i.Code))
            .ToHashSet();
        var order = 0;
        var added = 0;
        // Every default takes its place in the order, present or not, so a later default keeps its order.
        void AddMissing(string category, string code, string name, string? parent)
        {
            order += 10;
            if (existing.Contains((category, code)))
                return;
            db.DictionaryItems.Add(
                new DictionaryItem
                {
                    Category = category,
                    Code = code,
                    Name = name,
                    ParentCode = parent,
                    SortOrder = order,
                }
            );
            added++;
        }
        foreach (var (category, code, name) in DictionaryDefaults.Items)
            AddMissing(category, code, name, null);
        foreach (var (category, code, name, parent) in DictionaryDefaults.ChildItems)
            AddMissing(category, code, name, parent);
        if (added == 0)
            return;
        // One summary line instead of one per default entry.
        db.SuppressEntityAudit = true;
        db.Audit(Audit.AuditAction.Import, nameof(DictionaryItem), null, $"补齐默认字典项 {added} 条");
        try
        {
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.SuppressEntityAudit = false;
        }
    }

    /// <summary>The unit a new entry belongs to: the one named (in the caller's scope); else the county's for its
    /// administrators, and the caller's own unit for everyone else.</summary>
    private async Task<Guid?> OwnerForWriteAsync(Guid? named, CancellationToken ct)
    {
        var scope = await user.GetScopeAsync(ct);
        if (named is { } unit)
        {
            await db.UnitInScopeAsync(scope, unit, ct);
            return unit;
        }
        if (IsCountyWide(scope))
            return null;
        var own = scope.SubtreePaths.Select(p => OrgUnit.ChainOf(p)[^1]).Concat(scope.Units).Distinct().ToList();
        return own.Count == 1
            ? own[0]
            : throw new ValidationFailedException("orgUnitId", own.Count == 0 ? CountyOnlyMessage : "请选择字典项所属的单位");
    }

    /// <summary>A scope that holds the whole county: everything, or a top-level unit with all below it.</summary>
    private static bool IsCountyWide(DataScope scope) => scope.All || scope.SubtreePaths.Any(p => OrgUnit.ChainOf(p).Count == 1);

    /// <summary>The units whose own entries the caller sees: those in the scope and those above them.</summary>
    private async Task<List<Guid>> VisibleUnitsAsync(DataScope scope, CancellationToken ct)
    {
        var paths = scope.SubtreePaths.ToList();
        if (scope.Units.Count > 0)
            paths.AddRange(await db.OrgUnits.AsNoTracking().Where(u => scope.Units.Contains(u.Id)).Select(u => u.Path).ToListAsync(ct));
        var above = paths.SelectMany(OrgUnit.ChainOf).ToHashSet();
        var below =
            scope.SubtreePaths.Count == 0
                ? []
                : await db
                    .DictionaryItems.AsNoTracking()
                    .Where(i => i.OrgUnitId != null)
                    .Select(i => i.OrgUnitId!.Value)
                    .Distinct()
                    .Join(db.OrgUnits.AsNoTracking(), id => id, u => u.Id, (id, u) => new { u.Id, u.Path })
                    .ToListAsync(ct);
        above.UnionWith(below.Where(u => scope.SubtreePaths.Any(p => u.Path.StartsWith(p, StringComparison.Ordinal))).Select(u => u.Id));
        return [.. above];
    }

    private static void Validate(DictionaryItemInput input)
    {
        var c = new Checks()
            .Required("category", input.Category, "字典类别", TextLimits.Code)
            .Required("code", input.Code, "编码", TextLimits.Code)
            .Required("name", input.Name, "名称", TextLimits.Name)
            .Optional("parentCode", input.ParentCode, "上级编码", TextLimits.Code)
            .Range("sortOrder", input.SortOrder, 0, 100_000, "排序");
        if (Checks.Clean(input.Category) is { } category && !DictionaryDefaults.Categories.ContainsKey(category))
            c.Add("category", "没有这个字典类别；类别由系统定义，只能在已有类别中增加字典项");
        if (input.Code is { } code && code.Trim().Any(ch => !(char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_')))
            c.Add("code", "编码只能包含字母、数字、横线和下划线");
        c.ThrowIfAny();
    }

    private void Require()
    {
        if (!user.Has(Permissions.DictionariesManage))
            throw new ForbiddenException();
    }
}
