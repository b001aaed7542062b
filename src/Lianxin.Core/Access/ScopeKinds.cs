namespace Lianxin.Core.Access;

public static class ScopeKinds
{
    public static string Label(this ScopeKind kind) =>
        kind switch
        {
            ScopeKind.OwnRecords => "仅本人记录",
            ScopeKind.OwnUnit => "本单位",
            ScopeKind.OwnUnitAndBelow => "本单位及下级",
            ScopeKind.ChosenUnits => "指定单位及下级",
            ScopeKind.All => "全部",
            _ => kind.ToString(),
        };
}
