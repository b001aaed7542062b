namespace Lianxin.Core.Common;

/// <summary>One page of a list. <paramref name="Total"/> is exact when <paramref name="TotalExact"/>; otherwise the list
/// holds more than <paramref name="Total"/> rows (<see cref="PageRequest.CountLimit"/>) and was not counted further.
/// <paramref name="Next"/>, when the list pages by key, is the token to pass as <c>after</c> for the page that follows
/// (null on the last page).</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize, bool TotalExact = true, string? Next = null);
