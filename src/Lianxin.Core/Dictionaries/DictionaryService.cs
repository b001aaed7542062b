using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Dictionaries;

public sealed class DictionaryService(LianxinDbContext db, ICurrentUser user)
{
    public async Task<IReadOnlyList<DictionaryItem>> ListAsync(string? category, bool includeInactive, CancellationToken ct = default)
    {
        var q = db.DictionaryItems.AsNoTracking();
        if (Checks.Clean(category) is { } c)
            q = q.Where(i => i.Category == c);
        if (!includeInactive)
            q = q.Where(i => i.IsActive);
        return await q.OrderBy(i => i.Category).ThenBy(i => i.SortOrder).ThenBy(i => i.Code).Take(2000).ToListAsync(ct);
    }

    public async Task<DictionaryItem> CreateAsync(DictionaryItemInput input, CancellationToken ct = default)
    {
        Require();
        Validate(input);
        var category = input.Category!.Trim();
        var code = input.Code!.Trim();
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

    private static void Validate(DictionaryItemInput input)
    {
        var c = new Checks()
            .Required("category", input.Category, "字典类别", TextLimits.Code)
            .Required("code", input.Code, "编码", TextLimits.Code)
            .Required("name", input.Name, "名称", TextLimits.Name)
            .Optional("parentCode", input.ParentCode, "上级编码", TextLimits.Code)
            .Range("sortOrder", input.SortOrder, 0, 100_000, "排序");
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
