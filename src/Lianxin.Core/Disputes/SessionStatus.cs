namespace Lianxin.Core.Disputes;

/// <summary>A mediation session is planned, then held (with summary and outcome) or cancelled. It may
/// also be recorded as held straight away.</summary>
public enum SessionStatus
{
    Planned = 1, // 已计划
    Held = 2, // 已召开
    Cancelled = 3, // 已取消
}
