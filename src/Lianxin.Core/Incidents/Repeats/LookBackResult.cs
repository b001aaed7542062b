namespace Lianxin.Core.Incidents.Repeats;

public enum LookBackResult
{
    Normal = 1, // 正常
    FoundAgain = 2, // 发现反弹
}
