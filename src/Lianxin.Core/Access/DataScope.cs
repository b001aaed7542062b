using System.Linq.Expressions;
using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Access;

/// <summary>What a user may see, as the union of their roles' scopes: everything, some subtrees of
/// the place tree, some single units, or records they created themselves.</summary>
public sealed record DataScope(bool All, IReadOnlyList<string> SubtreePaths, IReadOnlyList<Guid> Units, string? OwnRecordsOf)
{
    public static readonly DataScope Nothing = new(false, [], [], null);
    public static readonly DataScope Everything = new(true, [], [], null);

    /// <summary>The stations the whole scope lies within, where it does (every subtree and unit at or below a station,
    /// and no own-records part); null otherwise. It narrows nothing the scope does not already exclude: it lets a record
    /// that carries its station be found on that index (<see cref="WithinStations{T}"/>).</summary>
    public IReadOnlyList<Guid>? Stations { get; init; }

    public bool IsEmpty => !All && SubtreePaths.Count == 0 && Units.Count == 0 && OwnRecordsOf is null;

    /// <summary>Whether a unit lies inside the scope (for writes naming a unit, and for units themselves).</summary>
    public bool Covers(OrgUnit unit) =>
        All || Units.Contains(unit.Id) || SubtreePaths.Any(p => unit.Path.StartsWith(p, StringComparison.Ordinal));

    /// <summary>Filter for scoped records; one place where scope turns into SQL.</summary>
    public Expression<Func<T, bool>> Filter<T>()
        where T : class, IScoped
    {
        if (All)
            return _ => true;
        var r = Expression.Parameter(typeof(T), "r");
        Expression? body = null;
        var unitId = Expression.Property(r, nameof(IScoped.OrgUnitId));
        if (Units.Count > 0)
            body = Or(
                body,
                Expression.Call(Expression.Constant(Units.ToList()), typeof(List<Guid>).GetMethod(nameof(List<Guid>.Contains))!, unitId)
            );
        if (SubtreePaths.Count > 0)
        {
            var path = Expression.Property(Expression.Property(r, nameof(IScoped.OrgUnit)), nameof(OrgUnit.Path));
            foreach (var p in SubtreePaths)
                body = Or(body, StartsWith(path, p));
        }
        if (OwnRecordsOf is not null)
            body = Or(
                body,
                Expression.Equal(Expression.Property(r, nameof(IScoped.CreatedById)), Expression.Constant(OwnRecordsOf, typeof(string)))
            );
        return Expression.Lambda<Func<T, bool>>(body ?? Expression.Constant(false), r);
    }

    /// <summary>Adds the scope's stations to a query already filtered by <see cref="Filter{T}"/>, so the database can read
    /// one station's records on their (station, id) index instead of walking every station's; unchanged where the scope
    /// names no stations. With <paramref name="orderedByStation"/> (a query that orders by station, then id: see
    /// <see cref="OneStation"/>) the stations go as one array parameter even when there is one (on PostgreSQL
    /// <c>= ANY(@stations)</c>): an equality with a constant would let the planner drop the ORDER BY on the station as
    /// redundant, and with it the reason to read the station's index in order. Otherwise one station is an equality,
    /// which SQLite reads on the same index in id order.</summary>
    public IQueryable<T> WithinStations<T>(IQueryable<T> query, bool orderedByStation = false)
        where T : class, IScoped, Organization.IStationed
    {
        if (All || Stations is not { Count: > 0 } stations)
            return query;
        var r = Expression.Parameter(typeof(T), "r");
        var station = Expression.Property(r, nameof(Organization.IStationed.StationId));
        Expression body =
            stations.Count == 1 && !orderedByStation
                ? Expression.Equal(station, Expression.Constant(stations[0], typeof(Guid?)))
                : Expression.Call(
                    typeof(Enumerable),
                    nameof(Enumerable.Contains),
                    [typeof(Guid?)],
                    Expression.Field(Expression.Constant(new StationList([.. stations.Select(s => (Guid?)s)])), nameof(StationList.Values)),
                    station
                );
        return query.Where(Expression.Lambda<Func<T, bool>>(body, r));
    }

    /// <summary>Whether the scope lies within exactly one station: then a ledger newest first may order by (station, id),
    /// the same order as by id alone, which the (station, id) index gives directly.</summary>
    public bool OneStation => !All && Stations is { Count: 1 };

    /// <summary>Holds the stations so that the query sees a captured value (a parameter), not a constant.</summary>
    private sealed class StationList(Guid?[] values)
    {
        public readonly Guid?[] Values = values;
    }

    /// <summary>Narrows a scoped query to one unit and everything below it (a filter the user picked,
    /// on top of their scope). An unknown unit is a 422.</summary>
    public static async Task<IQueryable<T>> UnderUnitAsync<T>(
        IQueryable<T> query,
        Data.LianxinDbContext db,
        Guid unitId,
        CancellationToken ct
    )
        where T : class, IScoped
    {
        var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).FirstOrDefaultAsync(ct)
            ?? throw new ValidationFailedException("orgUnitId", "单位不存在");
        return query.Where(new DataScope(false, [path], [], null).Filter<T>());
    }

    /// <summary>Filter for the units themselves.</summary>
    public Expression<Func<OrgUnit, bool>> UnitFilter()
    {
        if (All)
            return _ => true;
        var u = Expression.Parameter(typeof(OrgUnit), "u");
        Expression? body = null;
        if (Units.Count > 0)
            body = Or(
                body,
                Expression.Call(
                    Expression.Constant(Units.ToList()),
                    typeof(List<Guid>).GetMethod(nameof(List<Guid>.Contains))!,
                    Expression.Property(u, nameof(OrgUnit.Id))
                )
            );
        foreach (var p in SubtreePaths)
            body = Or(body, StartsWith(Expression.Property(u, nameof(OrgUnit.Path)), p));
        return Expression.Lambda<Func<OrgUnit, bool>>(body ?? Expression.Constant(false), u);
    }

    private static Expression StartsWith(Expression path, string prefix) =>
        Expression.Call(path, typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!, Expression.Constant(prefix));

    private static Expression Or(Expression? left, Expression right) => left is null ? right : Expression.OrElse(left, right);
}
