namespace Lianxin.Core.Common;

/// <summary>Page request shared by every list. Page numbers start at 1; sizes are capped so no
/// client can ask for the whole table.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = 20)
{
    public const int MaxPageSize = 200;

    public int Skip => (Page - 1) * PageSize;

    public static PageRequest Create(int? page, int? pageSize)
    {
        var p = page ?? 1;
        var s = pageSize ?? 20;
        if (p < 1)
            throw new ValidationFailedException("page", "页码必须从 1 开始");
        if (p > 1_000_000)
            throw new ValidationFailedException("page", "页码过大，请缩小查询范围");
        if (s < 1 || s > MaxPageSize)
            throw new ValidationFailedException("pageSize", $"每页条数须在 1 到 {MaxPageSize} 之间");
        return new PageRequest(p, s);
    }
}
