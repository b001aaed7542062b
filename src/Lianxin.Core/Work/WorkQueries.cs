using System.Linq.Expressions;
using Lianxin.Core.Access;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Work;

/// <summary>The pieces every source repeats: the scope (and the unit asked for) as one predicate, a kind's total
/// with its first items, and a kind counted by unit.</summary>
public static class WorkQueries
{
    /// <summary>The records of the asker's scope, within the subtree asked for when one was.</summary>
    public static IQueryable<T> InScope<T>(this IQueryable<T> records, WorkQuery query)
        where T : class, IScoped
    {
        var scoped = records.Where(query.Scope.Filter<T>());
        return query.UnderPath is { } path ? scoped.Where(new DataScope(false, [path], [], null).Filter<T>()) : scoped;
    }

    /// <summary>A kind's total and its first <see cref="WorkQuery.Top"/> items; <paramref name="first"/> orders the due
    /// records most urgent first and reads what the items need.</summary>
    public static async Task<WorkItemGroup> GroupAsync<T, TRow>(
        this IQueryable<T> due,
        WorkItemKind kind,
        WorkQuery query,
        Func<IQueryable<T>, IQueryable<TRow>> first,
        Func<TRow, WorkItem> item,
        CancellationToken ct
    )
    {
        var total = await due.CountAsync(ct);
        var rows = total == 0 || query.Top == 0 ? [] : await first(due).Take(query.Top).ToListAsync(ct);
        return new WorkItemGroup(kind.Key, kind.Label, kind.Order, total, rows.Select(item).ToList());
    }

    /// <summary>The due records counted per unit, in one grouped query.</summary>
    public static async Task<List<WorkUnitCount>> CountByUnitAsync<T>(this IQueryable<T> due, WorkItemKind kind, CancellationToken ct)
        where T : class, IScoped
    {
        var x = Expression.Parameter(typeof(T), "x");
        var unit = Expression.Lambda<Func<T, Guid>>(Expression.Property(x, nameof(IScoped.OrgUnitId)), x);
        var counts = await due.GroupBy(unit).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return counts.Select(c => new WorkUnitCount(kind.Key, c.Key, c.Count)).ToList();
    }
}
