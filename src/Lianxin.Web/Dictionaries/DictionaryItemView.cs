using Lianxin.Core.Dictionaries;

namespace Lianxin.Web.Dictionaries;

public sealed record DictionaryItemView(
    Guid Id,
    string Category,
    string CategoryName,
    string Code,
    string Name,
    string? ParentCode,
    int SortOrder,
    bool IsActive,
    long Version,
    Guid? OrgUnitId
)
{
    public static DictionaryItemView From(DictionaryItem i) =>
        new(
            i.Id,
            i.Category,
            DictionaryDefaults.Categories.TryGetValue(i.Category, out var n) ? n : i.Category,
            i.Code,
            i.Name,
            i.ParentCode,
            i.SortOrder,
            i.IsActive,
            i.Version,
            i.OrgUnitId
        );
}
