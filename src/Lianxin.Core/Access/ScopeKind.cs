namespace Lianxin.Core.Access;

/// <summary>How far a role sees along the place tree.</summary>
public enum ScopeKind
{
    OwnRecords = 1, // 仅本人记录
    OwnUnit = 2, // 本单位
    OwnUnitAndBelow = 3, // 本单位及下级
    ChosenUnits = 4, // 指定单位（及其下级）
    All = 5, // 全部
}
