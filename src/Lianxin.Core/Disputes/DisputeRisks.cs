namespace Lianxin.Core.Disputes;

public static class DisputeRisks
{
    public static string Label(this DisputeRisk risk) =>
        risk switch
        {
            DisputeRisk.Green => "绿色（低）",
            DisputeRisk.Yellow => "黄色（较低）",
            DisputeRisk.Orange => "橙色（较高）",
            DisputeRisk.Red => "红色（高）",
            _ => risk.ToString(),
        };
}
