namespace Lianxin.Core.Organization;

/// <summary>Levels of the place tree, from the county bureau down to a natural village.</summary>
public enum OrgUnitKind
{
    Bureau = 1, // 公安局
    Station = 2, // 派出所
    PoliceDistrict = 3, // 警务区 / 警务室
    Community = 4, // 社区
    Village = 5, // 行政村
    Grid = 6, // 网格
    Group = 7, // 组 / 自然村
}
