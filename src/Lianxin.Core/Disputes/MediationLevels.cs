namespace Lianxin.Core.Disputes;

public static class MediationLevels
{
    public static string Label(this MediationLevel level) =>
        level switch
        {
            MediationLevel.HouseholdHead => "一级（百户长/治保会初调）",
            MediationLevel.Village => "二级（治保主任/村级复调）",
            MediationLevel.PoliceOffice => "三级（警务室联调/综合调解室）",
            MediationLevel.County => "四级（县联合调解中心远程视频调解）",
            _ => level.ToString(),
        };

    public static bool IsDefined(this MediationLevel level) => level is >= MediationLevel.HouseholdHead and <= MediationLevel.County;

    /// <summary>The levels above <paramref name="level"/>, lowest first.</summary>
    public static IReadOnlyList<MediationLevel> Above(this MediationLevel level) =>
        Enum.GetValues<MediationLevel>().Where(l => l > level).ToList();
}
