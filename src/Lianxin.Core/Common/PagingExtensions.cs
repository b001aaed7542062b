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

    /// <summary>One page of a ledger: by key after <see cref="PageRequest.After"/> when given (by offset otherwise), with the
    /// token of the next page, and a total counted up to <see cref="PageRequest.CountLimit"/> only. Reads one row more than
    /// the page to know whether another page follows.</summary>
    public static async Task<PagedResult<TOut>> ToKeysetPageAsync<T, TOut>(
        this IQueryable<T> query,
        PageRequest page,
        Keyset<T, TOut> keyset,
        Func<IQueryable<T>, IQueryable<TOut>> project,
        CancellationToken ct
    )
    {
        var rows = query;
        if (page.After is { } after)
        {
            if (keyset.After is null)
                throw new ValidationFailedException("after", PageCursor.Invalid);
            rows = rows.Where(keyset.After(PageCursor.Read(keyset.Name, after)));
        }
        var counted = await query.Take(PageRequest.CountLimit + 1).CountAsync(ct);
        var items = await project(keyset.Order(rows).Skip(page.Skip).Take(page.PageSize + 1)).ToListAsync(ct);
        string? next = null;
        if (items.Count > page.PageSize)
        {
            items.RemoveAt(items.Count - 1);
            if (keyset.After is not null)
                next = keyset.KeyOf(items[^1]).Write(keyset.Name);
        }
        return new PagedResult<TOut>(
            items,
            Math.Min(counted, PageRequest.CountLimit),
            page.Page,
            page.PageSize,
            counted <= PageRequest.CountLimit,
            next
        );
    }

    /// <summary>The same page with each row turned into what the caller returns (decrypted, timed, …).</summary>
    public static PagedResult<TOut> Select<T, TOut>(this PagedResult<T> page, Func<T, TOut> map) =>
        new(page.Items.Select(map).ToList(), page.Total, page.Page, page.PageSize, page.TotalExact, page.Next);

    /// <summary>The same page with its rows replaced as a whole (e.g. views read in one query for the page).</summary>
    public static async Task<PagedResult<TOut>> SelectAsync<T, TOut>(this PagedResult<T> page, Func<List<T>, Task<List<TOut>>> map) =>
        new(await map(page.Items as List<T> ?? page.Items.ToList()), page.Total, page.Page, page.PageSize, page.TotalExact, page.Next);
}
