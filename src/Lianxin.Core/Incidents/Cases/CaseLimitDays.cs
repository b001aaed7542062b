namespace Lianxin.Core.Incidents.Cases;

public sealed class CaseLimitDays
{
    public int Simple { get; set; } = 1;
    public int General { get; set; } = 3;
    public int Complex { get; set; } = 7;
}
