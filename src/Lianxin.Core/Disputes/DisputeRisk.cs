namespace Lianxin.Core.Disputes;

/// <summary>Escalation risk grade (风险等级). Red means the station leader is told at once.</summary>
public enum DisputeRisk
{
    Green = 1,   // 绿
    Yellow = 2,  // 黄
    Orange = 3,  // 橙
    Red = 4,     // 红
}

public static class DisputeRisks
{
    public static string Label(this DisputeRisk risk) => risk switch
    {
        DisputeRisk.Green => "绿色（低）",
        DisputeRisk.Yellow => "黄色（较低）",
        DisputeRisk.Orange => "橙色（较高）",
        DisputeRisk.Red => "红色（高）",
        _ => risk.ToString(),
    };
}
