namespace Lianxin.Core.Organization;

public sealed record OrgUnitDetail(
    Guid Id,
    string Code,
    string Name,
    OrgUnitKind Kind,
    string KindLabel,
    Guid? ParentId,
    string? ParentName,
    IReadOnlyList<OrgUnitSummary> Ancestors,
    int Population,
    int Households,
    string? BoundaryGeoJson,
    double? CenterLat,
    double? CenterLng,
    bool IsRetired,
    DateTimeOffset? RetiredAt,
    int ChildCount,
    int MemberCount,
    int ResidentCount,
    long Version
);
