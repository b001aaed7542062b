namespace Lianxin.Core.Incidents.Repeats;

/// <summary>Where a look-back task stands: waiting for its result, or done (the result is in).</summary>
public enum LookBackTaskState
{
    Pending = 1, // 待完成
    Done = 2, // 已登记结果
}
