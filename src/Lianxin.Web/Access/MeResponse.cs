namespace Lianxin.Web.Access;

public sealed record MeResponse(
    string UserId,
    string UserName,
    string DisplayName,
    Guid? OrgUnitId,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Permissions,
    bool MustChangePassword
);
