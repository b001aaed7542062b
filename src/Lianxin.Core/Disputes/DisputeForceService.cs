using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Disputes;

/// <summary>The forces to invite per dispute category (推荐调解力量). Not tied to a place: maintained by
/// those who maintain the dictionaries, like the categories themselves.</summary>
public sealed class DisputeForceService(LianxinDbContext db, ICurrentUser user)
{
    public const string CategoryDictionary = "dispute-category";

    public async Task<IReadOnlyList<ForceListView>> ListAsync(CancellationToken ct = default)
    {
        user.Demand(Permissions.DictionariesManage);
        var categories = await db
            .DictionaryItems.AsNoTracking()
            .Where(i => i.Category == CategoryDictionary)
            .OrderBy(i => i.SortOrder)
            .ThenBy(i => i.Code)
            .Take(500)
            .ToListAsync(ct);
        var lists = await db.DisputeForceLists.AsNoTracking().ToDictionaryAsync(l => l.CategoryCode, ct);
        return categories
            .Select(c =>
                lists.TryGetValue(c.Code, out var list)
                    ? new ForceListView(c.Code, c.Name, c.IsActive, false, Views(list.Forces), list.Version)
                    : new ForceListView(c.Code, c.Name, c.IsActive, true, Views(DisputeForceDefaults.For(c.Code)), 0)
            )
            .ToList();
    }

    /// <summary>Replaces a category's list. The first save of a category that used the defaults sends version 0.</summary>
    public async Task<ForceListView> SaveAsync(string category, ForceListInput input, CancellationToken ct = default)
    {
        user.Demand(Permissions.DictionariesManage);
        var code = Checks.Clean(category) ?? "";
        var item = code.Length is > 0 and <= TextLimits.Code
            ? await db.DictionaryItems.AsNoTracking().FirstOrDefaultAsync(i => i.Category == CategoryDictionary && i.Code == code, ct)
            : null;
        if (item is null)
            throw new NotFoundException("纠纷类别不存在");
        var c = new Checks();
        if (input.Forces is null)
            c.Add("forces", "请提供推荐力量列表（可以为空列表）");
        else if (input.Forces.Count > DisputeForceList.MaxForces)
            c.Add("forces", $"每个类别最多 {DisputeForceList.MaxForces} 项推荐力量");
        else if (input.Forces.Any(f => f is null))
            c.Add("forces", "推荐力量信息不完整");
        if (input.Version is null)
            c.Add("version", "请提供记录的版本号（version），以免覆盖他人的修改");
        c.ThrowIfAny();
        var forces = input.Forces!.Select((f, i) => SuggestedForce.Create(f.Name, f.Kind, f.Keyword, i)).ToList();
        var list = await db.DisputeForceLists.FirstOrDefaultAsync(l => l.CategoryCode == code, ct);
        if (list is null)
        {
            if (input.Version != 0)
                throw new ConflictException("该记录已被他人修改，请刷新后再试");
            list = DisputeForceList.Create(code, forces);
            db.DisputeForceLists.Add(list);
        }
        else
        {
            Concurrency.Expect(db, list, input.Version);
            list.Replace(forces);
            db.Entry(list).Property(x => x.UpdatedAt).IsModified = true;
        }
        await db.SaveChangesAsync(ct);
        return new ForceListView(code, item.Name, item.IsActive, false, Views(list.Forces), list.Version);
    }

    /// <summary>The station's list for the category, or the defaults when it has none.</summary>
    public static async Task<IReadOnlyList<SuggestedForce>> ForCategoryAsync(LianxinDbContext db, string category, CancellationToken ct)
    {
        var list = await db.DisputeForceLists.AsNoTracking().FirstOrDefaultAsync(l => l.CategoryCode == category, ct);
        return list is null ? DisputeForceDefaults.For(category) : list.Forces.OrderBy(f => f.SortOrder).ToList();
    }

    private static List<ForceView> Views(IEnumerable<SuggestedForce> forces) =>
        forces.OrderBy(f => f.SortOrder).Select(f => new ForceView(f.Name, f.Kind, f.Keyword)).ToList();
}
