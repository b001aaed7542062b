using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Common;

/// <summary>Count, skip and take for every list, written once.</summary>
public static class PagingExtensions
{
    /// <summary>One page of an ordered query and the total count of the query.</summary>
    public static async Task<PagedResult<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip(page.Skip).Take(page.PageSize).ToListAsync(ct);
        return new PagedResult<T>(items, total, page.Page, page.PageSize);
    }

    /// <summary>One page of an ordered query, shaped by <paramref name="project"/> after the page is cut (so a
    /// projection's subqueries run for the page's rows only), and the total count of the query.</summary>
    public static async Task<PagedResult<TOut>> ToPageAsync<T, TOut>(
        this IQueryable<T> query,
        PageRequest page,
        Func<IQueryable<T>, IQueryable<TOut>> project,
        CancellationToken ct
    )
    {
        var total = await query.CountAsync(ct);
        var items = await project(query.Skip(page.Skip).Take(page.PageSize)).ToListAsync(ct);
        return new PagedResult<TOut>(items, total, page.Page, page.PageSize);
    }

    /// <summary>The same page with each row turned into what the caller returns (decrypted, timed, …).</summary>
    public static PagedResult<TOut> Select<T, TOut>(this PagedResult<T> page, Func<T, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.Total, page.Page, page.PageSize);

    /// <summary>The same page with its rows replaced as a whole (e.g. views read in one query for the page).</summary>
    public static async Task<PagedResult<TOut>> SelectAsync<T, TOut>(this PagedResult<T> page, Func<List<T>, Task<List<TOut>>> map) =>
        new(await map(page.Items as List<T> ?? page.Items.ToList()), page.Total, page.Page, page.PageSize);
}
