namespace Lianxin.Web.Access;

public sealed record UserView(
    string Id,
    string UserName,
    string DisplayName,
    Guid? OrgUnitId,
    string? OrgUnitName,
    Guid? MemberId,
    IReadOnlyList<string> Roles,
    bool IsDisabled,
    bool LockedOut,
    bool MustChangePassword,
    DateTimeOffset CreatedAt,
    string ConcurrencyStamp
);
