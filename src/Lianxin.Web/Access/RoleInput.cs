using Lianxin.Core.Access;

namespace Lianxin.Web.Access;

public sealed record RoleInput(
    string? Name,
    string? DisplayName,
    List<string>? Permissions,
    ScopeKind? Scope,
    List<Guid>? ChosenUnitIds,
    string? ConcurrencyStamp = null
);
