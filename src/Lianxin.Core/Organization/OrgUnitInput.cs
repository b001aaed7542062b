namespace Lianxin.Core.Organization;

public sealed record OrgUnitInput(
    string? Code,
    string? Name,
    OrgUnitKind? Kind,
    Guid? ParentId,
    int Population,
    int Households,
    string? BoundaryGeoJson,
    double? CenterLat,
    double? CenterLng,
    long? Version = null
);
