namespace Lianxin.Web.Audit;

public sealed class AuditOptions
{
    public const int MinimumRetentionDays = 180;

    /// <summary>How long audit lines are kept; never less than 180 days whatever is configured.</summary>
    public int RetentionDays { get; set; } = MinimumRetentionDays;

    public int EffectiveRetentionDays => Math.Max(MinimumRetentionDays, RetentionDays);
}
