namespace Lianxin.Core.Organization;

public sealed record OrgUnitSummary(
    Guid Id,
    string Code,
    string Name,
    OrgUnitKind Kind,
    Guid? ParentId,
    int Depth,
    int Population,
    int Households,
    bool IsRetired,
    int ChildCount,
    long Version
)
{
    public string KindLabel => Kind.Label();
}
