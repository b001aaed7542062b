using Lianxin.Core.Common;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Lianxin.Web.Components.Shared;

/// <summary>Page numbers on a ledger that pages by key. A page reached by "next" (or visited before) is read after the
/// last row of the page before it, so going deep costs what the first page does; a page never reached is read by
/// offset, and the pager only offers those within the counted rows. Past <see cref="PageRequest.CountLimit"/> rows the
/// pager says "more than" and grows by one page at a time.</summary>
public sealed class LedgerPages
{
    private readonly Dictionary<int, string> _starts = [];
    private object? _filter;
    private int _pageSize;

    /// <summary>Whether the last page read counted every row of the list.</summary>
    public bool Exact { get; private set; } = true;

    /// <summary>The request for the table's page (0-based), under <paramref name="filter"/> (a record: a new filter
    /// forgets the keys of the old one).</summary>
    public PageRequest For(TableState state, object filter)
    {
        if (!Equals(filter, _filter) || state.PageSize != _pageSize)
        {
            _starts.Clear();
            _filter = filter;
            _pageSize = state.PageSize;
        }
        return _starts.TryGetValue(state.Page, out var after)
            ? new PageRequest(1, state.PageSize, after)
            : new PageRequest(state.Page + 1, state.PageSize);
    }

    /// <summary>The table's rows and total for the page read; remembers where the next page starts.</summary>
    public TableData<T> Take<T>(TableState state, PagedResult<T>? page)
    {
        if (page is null)
            return new TableData<T> { Items = [], TotalItems = 0 };
        if (page.Next is { } next)
            _starts[state.Page + 1] = next;
        Exact = page.TotalExact;
        var seen = state.Page * state.PageSize + page.Items.Count;
        var total =
            page.TotalExact ? page.Total
            : page.Next is null ? seen
            : Math.Max(page.Total, seen + 1);
        return new TableData<T> { Items = page.Items, TotalItems = total };
    }

    /// <summary>The pager's text: the count, or "more than" the count limit when the list was not counted to its end.</summary>
    public string Info(IStringLocalizer l) =>
        Exact
            ? l["Common_PagerInfo"].Value
            // Not string.Format: the pager's own {first_item} placeholders would break it.
            : l["Common_PagerInfoMore"].Value.Replace("{0}", PageRequest.CountLimit.ToString("N0"), StringComparison.Ordinal);
}
