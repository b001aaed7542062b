namespace Lianxin.Core.Volunteers.Honours;

public enum RankingOrder
{
    Hours = 1, // 按服务时长
    Points = 2, // 按积分
}
