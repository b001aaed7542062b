using Lianxin.Core.Access;

namespace Lianxin.Web.Access;

public sealed record RoleView(
    string Id,
    string Name,
    string DisplayName,
    IReadOnlyList<string> Permissions,
    ScopeKind Scope,
    string ScopeLabel,
    IReadOnlyList<Guid> ChosenUnitIds,
    bool IsBuiltIn,
    int UserCount,
    string ConcurrencyStamp
);
