namespace Lianxin.Core.Data;

/// <summary>A write that waited its bounded time for another one (an import holding SQLite's single write lock) and
/// gave up without writing anything: the API answers 503 with <c>Retry-After</c>, so the caller sends it again.</summary>
public sealed class DatabaseBusyException(string message, TimeSpan retryAfter) : Exception(message)
{
    /// <summary>How long the caller is asked to wait before sending the write again.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>What a busy database tells the caller when nobody named what holds it.</summary>
    public const string DefaultMessage = "系统正忙，有其他数据正在写入，请稍后重试";

    /// <summary>The message naming what the writer ahead is doing ("导入警情"), when it said.</summary>
    public static string MessageFor(string? activity) => activity is { Length: > 0 } a ? $"系统正在{a}，请稍后重试" : DefaultMessage;
}
