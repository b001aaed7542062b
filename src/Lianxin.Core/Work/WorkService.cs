using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Work;

/// <summary>"My work today" for the home page and the API: asks every registered <see cref="IWorkItemSource"/> with
/// the asker's scope, resolved once. It names no feature; a feature adds its kinds by registering a source.</summary>
public sealed class WorkService(LianxinDbContext db, ICurrentUser user, IEnumerable<IWorkItemSource> sources)
{
    public const int DefaultTop = 5;
    public const int MaxTop = 50;

    /// <summary>The kinds with something due (or the one kind asked for), each with its total and first items.</summary>
    public async Task<WorkToday> TodayAsync(int? top = null, string? kind = null, Guid? orgUnitId = null, CancellationToken ct = default)
    {
        var query = await QueryAsync(top ?? DefaultTop, kind, orgUnitId, ct);
        var groups = new List<WorkItemGroup>();
        foreach (var source in sources)
            groups.AddRange(await source.TodayAsync(query, ct));
        var shown = groups.Where(g => g.Total > 0 || kind is not null).OrderBy(g => g.Order).ToList();
        return new WorkToday(query.Now, shown.Sum(g => g.Total), shown);
    }

    /// <summary>The due items counted by unit × kind, a row per unit just below the top of the asker's scope (and the
    /// top units' own level when they hold items themselves).</summary>
    public async Task<WorkByUnit> ByUnitAsync(CancellationToken ct = default)
    {
        var query = await QueryAsync(0, null, null, ct);
        var kinds = Readable();
        var counts = new List<WorkUnitCount>();
        foreach (var source in sources)
            counts.AddRange(await source.CountByUnitAsync(query, ct));

        var scope = query.Scope;
        var tops = await db
            .OrgUnits.AsNoTracking()
            .Where(u => !u.IsRetired)
            .Where(scope.All ? u => u.ParentId == null : scope.UnitFilter())
            .Select(u => new
            {
                u.Id,
                u.Name,
                u.Path,
                u.ParentId,
            })
            .ToListAsync(ct);
        // The top of the scope: units whose parent is not in it.
        var inScope = tops.Select(t => t.Id).ToHashSet();
        var roots = tops.Where(t => t.ParentId is not { } parent || !inScope.Contains(parent)).ToList();
        var rootIds = roots.Select(r => r.Id).ToList();
        var children = await db
            .OrgUnits.AsNoTracking()
            .Where(u => !u.IsRetired && u.ParentId != null && rootIds.Contains(u.ParentId.Value))
            .Where(scope.UnitFilter())
            .Select(u => new
            {
                u.Id,
                u.Name,
                u.Path,
                u.ParentId,
            })
            .ToListAsync(ct);
        var rows = roots
            .Select(r => (r.Id, r.Name, r.Path, Own: true))
            .Concat(children.Select(c => (c.Id, c.Name, c.Path, Own: false)))
            .ToList();

        var unitIds = counts.Select(c => c.OrgUnitId).Distinct().ToList();
        var paths = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).Select(u => new { u.Id, u.Path }).ToListAsync(ct);
        var pathOf = paths.ToDictionary(p => p.Id, p => p.Path);
        var sums = rows.ToDictionary(r => r.Id, _ => new Dictionary<string, int>());
        foreach (var c in counts)
        {
            if (!pathOf.TryGetValue(c.OrgUnitId, out var path))
                continue;
            // The deepest row over the record's unit: a child row, else its top unit's own level.
            var row = rows.Where(r => path.StartsWith(r.Path, StringComparison.Ordinal))
                .OrderByDescending(r => r.Path.Length)
                .FirstOrDefault();
            if (row.Path is null)
                continue;
            var sum = sums[row.Id];
            sum[c.Kind] = sum.GetValueOrDefault(c.Kind) + c.Count;
        }
        var result = rows.Select(r => new WorkUnitRow(r.Id, r.Name, r.Own, sums[r.Id], sums[r.Id].Values.Sum()))
            // A top unit's own level only when something is held there, or when it has no units below to show.
            .Where(r => !r.OwnLevel || r.Total > 0 || !children.Any(c => c.ParentId == r.OrgUnitId))
            .OrderBy(r => r.OwnLevel ? 0 : 1)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToList();
        return new WorkByUnit(query.Now, kinds, result);
    }

    /// <summary>Every kind the asker may read, in the home page's order.</summary>
    public IReadOnlyList<WorkItemKind> Readable() => [.. sources.SelectMany(s => s.Kinds).OrderBy(k => k.Order)];

    private async Task<WorkQuery> QueryAsync(int top, string? kind, Guid? orgUnitId, CancellationToken ct)
    {
        var userId = user.UserId ?? throw new ForbiddenException();
        var checks = new Checks();
        if (top is < 0 or > MaxTop)
            checks.Add("top", $"每类条数须在 0 到 {MaxTop} 之间");
        if (kind is not null && !Readable().Any(k => k.Key == kind))
            checks.Add("kind", "待办类型无效");
        checks.ThrowIfAny();
        var scope = await user.GetScopeAsync(ct);
        var under = orgUnitId is { } id ? (await db.UnitInScopeAsync(scope, id, ct)).Path : null;
        return new WorkQuery(scope, userId, db.Now, top, kind, under);
    }
}
