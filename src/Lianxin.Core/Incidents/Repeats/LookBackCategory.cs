namespace Lianxin.Core.Incidents.Repeats;

/// <summary>What was dealt with at the place a look-back watches.</summary>
public enum LookBackCategory
{
    Gambling = 1, // 赌博
    Mining = 2, // 非法采矿
    Other = 3, // 其他违法活动
}
