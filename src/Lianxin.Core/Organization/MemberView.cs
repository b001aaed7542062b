using Lianxin.Core.Common;

namespace Lianxin.Core.Organization;

public sealed record MemberView(
    Guid Id,
    string Name,
    MemberKind Kind,
    Gender Gender,
    Guid OrgUnitId,
    string? OrgUnitName,
    string? PhoneMasked,
    string? Organization,
    IReadOnlyList<string> Skills,
    IReadOnlyList<Guid> ServedUnitIds,
    bool IsActive,
    string? UserId,
    string? Note,
    long Version
)
{
    public string KindLabel => Kind.Label();
}
