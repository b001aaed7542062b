namespace Lianxin.Core.Disputes;

/// <summary>Escalation risk grade (风险等级). Red means the station leader is told at once.</summary>
public enum DisputeRisk
{
    Green = 1, // 绿
    Yellow = 2, // 黄
    Orange = 3, // 橙
    Red = 4, // 红
}
