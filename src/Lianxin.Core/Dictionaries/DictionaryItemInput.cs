namespace Lianxin.Core.Dictionaries;

public sealed record DictionaryItemInput(
    string? Category,
    string? Code,
    string? Name,
    string? ParentCode,
    int SortOrder,
    bool IsActive = true,
    long? Version = null,
    Guid? OrgUnitId = null
);
