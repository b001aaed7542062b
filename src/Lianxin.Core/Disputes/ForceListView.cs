namespace Lianxin.Core.Disputes;

public sealed record ForceListView(
    string CategoryCode,
    string CategoryName,
    bool CategoryActive,
    bool IsDefault,
    IReadOnlyList<ForceView> Forces,
    long Version
);
