namespace Lianxin.Web.Access;

public sealed record UserInput(
    string? UserName,
    string? DisplayName,
    Guid? OrgUnitId,
    Guid? MemberId,
    List<string>? Roles,
    bool IsDisabled = false,
    string? ConcurrencyStamp = null
);
