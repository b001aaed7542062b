namespace Lianxin.Core.Common;

/// <summary>Page request shared by every list. Page numbers start at 1; sizes are capped so no
/// client can ask for the whole table. A ledger also takes <see cref="After"/>, the <c>next</c> token of the
/// page before: the next page is then read from that row on by the list's sort key, so a deep page costs what
/// the first one does (an offset makes the database read and drop every row before the page).</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 20, string? After = null)
{
    public const int MaxPageSize = 200;

    /// <summary>Lists count at most this many rows; past it the total says "more than" (<see cref="PagedResult{T}.TotalExact"/>
    /// false) instead of counting the whole scope on every page.</summary>
    public const int CountLimit = 1000;

    public const int MaxAfterLength = 200;

    public int Skip => After is null ? (Page - 1) * PageSize : 0;

    public static PageRequest Create(int? page, int? pageSize, string? after = null)
    {
        var p = page ?? 1;
        var s = pageSize ?? 20;
        if (p < 1)
            throw new ValidationFailedException("page", "页码必须从 1 开始");
        if (p > 1_000_000)
            throw new ValidationFailedException("page", "页码过大，请缩小查询范围");
        if (s < 1 || s > MaxPageSize)
            throw new ValidationFailedException("pageSize", $"每页条数须在 1 到 {MaxPageSize} 之间");
        var a = string.IsNullOrEmpty(after) ? null : after;
        if (a is not null && p != 1)
            throw new ValidationFailedException("after", "after 与 page 不能同时使用：按 after 翻页时不要再给页码");
        if (a is not null && a.Length > MaxAfterLength)
            throw new ValidationFailedException("after", PageCursor.Invalid);
        return new PageRequest(p, s, a);
    }
}
