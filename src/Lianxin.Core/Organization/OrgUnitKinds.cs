namespace Lianxin.Core.Organization;

public static class OrgUnitKinds
{
    public static string Label(this OrgUnitKind kind) =>
        kind switch
        {
            OrgUnitKind.Bureau => "公安局",
            OrgUnitKind.Station => "派出所",
            OrgUnitKind.PoliceDistrict => "警务区",
            OrgUnitKind.Community => "社区",
            OrgUnitKind.Village => "行政村",
            OrgUnitKind.Grid => "网格",
            OrgUnitKind.Group => "组/自然村",
            _ => kind.ToString(),
        };

    /// <summary>Which kinds may sit under which: keeps the tree meaningful (no station under a village).</summary>
    public static bool CanContain(this OrgUnitKind parent, OrgUnitKind child) =>
        parent switch
        {
            OrgUnitKind.Bureau => child is OrgUnitKind.Station,
            OrgUnitKind.Station => child is OrgUnitKind.PoliceDistrict or OrgUnitKind.Community or OrgUnitKind.Village,
            OrgUnitKind.PoliceDistrict => child is OrgUnitKind.Community or OrgUnitKind.Village or OrgUnitKind.Grid,
            OrgUnitKind.Community => child is OrgUnitKind.Grid or OrgUnitKind.Group,
            OrgUnitKind.Village => child is OrgUnitKind.Grid or OrgUnitKind.Group,
            OrgUnitKind.Grid => child is OrgUnitKind.Group,
            _ => false,
        };
}
