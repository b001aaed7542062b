using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Access;

/// <summary>Turns a user's roles into one <see cref="DataScope"/>: the union of what each role allows,
/// anchored at the user's own unit.</summary>
public static class DataScopeResolver
{
    public static async Task<DataScope> ResolveAsync(LianxinDbContext db, string userId, CancellationToken ct = default) =>
        (await ReadAsync(db, userId, ct)).Scope;

    /// <summary>Everything a request needs to know about its account: whether it may still act, the security
    /// stamp its token or cookie must carry, and its scope.</summary>
    public static async Task<AccountAccess> ReadAsync(LianxinDbContext db, string userId, CancellationToken ct = default)
    {
        var user = await db
            .Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new
            {
                u.OrgUnitId,
                u.IsDisabled,
                u.SecurityStamp,
            })
            .FirstOrDefaultAsync(ct);
        if (user is null)
            return AccountAccess.Missing;
        if (user.IsDisabled)
            return new AccountAccess(true, true, user.SecurityStamp, DataScope.Nothing);
        return new AccountAccess(true, false, user.SecurityStamp, await ScopeOfAsync(db, userId, user.OrgUnitId, ct));
    }

    private static async Task<DataScope> ScopeOfAsync(LianxinDbContext db, string userId, Guid? ownUnit, CancellationToken ct)
    {
        var roles = await (
            from ur in db.UserRoles
            join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == userId
            select new { r.Scope, r.ChosenUnitIds }
        ).ToListAsync(ct);

        if (roles.Any(r => r.Scope == ScopeKind.All))
            return DataScope.Everything;

        var unitIds = roles.Where(r => r.Scope == ScopeKind.ChosenUnits).SelectMany(r => r.ChosenUnitIds).ToHashSet();
        if (ownUnit is { } own)
            unitIds.Add(own);
        var paths = await db
            .OrgUnits.AsNoTracking()
            .Where(u => unitIds.Contains(u.Id))
            .Select(u => new { u.Id, u.Path })
            .ToDictionaryAsync(u => u.Id, u => u.Path, ct);

        var subtrees = new List<string>();
        var units = new List<Guid>();
        string? ownRecords = null;
        foreach (var role in roles)
        {
            switch (role.Scope)
            {
                case ScopeKind.OwnUnitAndBelow when ownUnit is { } u && paths.TryGetValue(u, out var p):
                    subtrees.Add(p);
                    break;
                case ScopeKind.OwnUnit when ownUnit is { } u:
                    units.Add(u);
                    break;
                case ScopeKind.ChosenUnits:
                    subtrees.AddRange(role.ChosenUnitIds.Where(paths.ContainsKey).Select(id => paths[id]));
                    break;
                case ScopeKind.OwnRecords:
                    ownRecords = userId;
                    break;
            }
        }
        // A subtree already covered by a shorter one adds nothing but SQL.
        var minimal = subtrees
            .Distinct()
            .OrderBy(p => p.Length)
            .Aggregate(new List<string>(), (acc, p) =>
            {
                if (!acc.Any(a => p.StartsWith(a, StringComparison.Ordinal)))
                    acc.Add(p);
                return acc;
            });
        var scope = new DataScope(false, minimal, units.Distinct().ToList(), ownRecords);
        return scope with { Stations = await StationsOfAsync(db, scope, paths, ct) };
    }

    /// <summary>The stations a scope lies within, or null where some part of it lies above every station or is not a
    /// place at all (own records).</summary>
    private static async Task<IReadOnlyList<Guid>?> StationsOfAsync(
        LianxinDbContext db,
        DataScope scope,
        Dictionary<Guid, string> paths,
        CancellationToken ct
    )
    {
        if (scope.OwnRecordsOf is not null || scope.IsEmpty || scope.Units.Any(u => !paths.ContainsKey(u)))
            return null;
        var of = await UnitStations.OfPathsAsync(db, scope.SubtreePaths.Concat(scope.Units.Select(u => paths[u])), ct);
        return of.Values.Any(s => s is null) ? null : of.Values.Select(s => s!.Value).Distinct().ToList();
    }
}
