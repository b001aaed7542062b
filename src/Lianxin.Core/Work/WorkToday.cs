namespace Lianxin.Core.Work;

/// <summary>"My work today": the kinds with something due, most pressing kinds first, and the total over them.</summary>
public sealed record WorkToday(DateTimeOffset At, int Total, IReadOnlyList<WorkItemGroup> Groups);
