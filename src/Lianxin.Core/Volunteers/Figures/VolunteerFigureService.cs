using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Lianxin.Core.Volunteers.Figures;

/// <summary>Volunteer figures for a unit's subtree within the caller's scope. However many volunteers,
/// it runs a fixed handful of queries: the volunteers (four columns each), one grouped pass over the period's
/// and the activity window's credits per volunteer, and the distinct activities per unit and per squad;
/// the breakdowns are summed from those in memory.</summary>
public sealed class VolunteerFigureService(LianxinDbContext db, ICurrentUser user, IOptions<ActiveVolunteerRule> options)
{
    private sealed record Person(Guid Id, Guid OrgUnitId, VolunteerStatus Status, DateTimeOffset? JoinedAt);

    private sealed record ActivityCredit(Guid VolunteerId, Guid SourceId);

    private sealed record Sums(long Window, long Minutes, long Points, int Turns, int Trainings, int Tips);

    /// <summary>The figures for a spreadsheet; the export is recorded in the audit log.</summary>
    public async Task<VolunteerFigures> ExportAsync(Guid? orgUnitId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersExport);
        var figures = await GetAsync(orgUnitId, from, to, ct);
        db.Audit(
            Audit.AuditAction.Export,
            nameof(VolunteerCredit),
            null,
            $"导出义警统计（{figures.UnitName}，{figures.From:yyyy-MM-dd} 至 {figures.To:yyyy-MM-dd}）"
        );
        await db.SaveChangesAsync(ct);
        return figures;
    }

    public async Task<VolunteerFigures> GetAsync(Guid? orgUnitId, DateOnly? from, DateOnly? to, CancellationToken ct = default)
    {
        user.Demand(Permissions.VolunteersRead);
        var period = ChinaPeriod.Of(from, to, db.Now);
        var rule = options.Value;
        var scope = await user.GetScopeAsync(ct);
        OrgUnit? unit = null;
        if (orgUnitId is { } id)
        {
            unit = await db.UnitInScopeAsync(scope, id, ct);
        }
        var vols = db.Volunteers.AsNoTracking().Where(scope.Filter<Volunteer>());
        var squadsQuery = db.Squads.AsNoTracking().Where(scope.Filter<Squad>());
        var units = db.OrgUnits.AsNoTracking().Where(scope.UnitFilter());
        if (unit is not null)
        {
            var under = new DataScope(false, [unit.Path], [], null);
            vols = vols.Where(under.Filter<Volunteer>());
            squadsQuery = squadsQuery.Where(under.Filter<Squad>());
            units = units.Where(under.UnitFilter());
        }

        var (start, end) = (period.Start, period.End);
        var (windowStart, _) = rule.WindowBounds(period.To);
        var lower = windowStart < start ? windowStart : start;
        var credits = db.VolunteerCredits.AsNoTracking();

        var people = await vols.Select(v => new Person(v.Id, v.OrgUnitId, v.Status, v.JoinedAt)).ToListAsync(ct);
        var sums = await (
            from c in credits
            join v in vols on c.VolunteerId equals v.Id
            where c.At >= lower && c.At < end
            group c by c.VolunteerId into g
            select new
            {
                g.Key,
                Window = g.Sum(c => c.At >= windowStart ? (long)c.Minutes : 0L),
                Minutes = g.Sum(c => c.At >= start ? (long)c.Minutes : 0L),
                Points = g.Sum(c => c.At >= start ? (long)c.Points : 0L),
                Turns = g.Sum(c => c.At >= start && c.Source == CreditSource.Activity ? 1 : 0),
                Trainings = g.Sum(c => c.At >= start && c.Source == CreditSource.Training ? 1 : 0),
                Tips = g.Sum(c => c.At >= start && c.Source == CreditSource.Tip ? 1 : 0),
            }
        ).ToDictionaryAsync(x => x.Key, x => new Sums(x.Window, x.Minutes, x.Points, x.Turns, x.Trainings, x.Tips), ct);

        // Activities held: distinct activities credited in the period. One flat read of the period's activity
        // credits (two ids each), counted here for the whole scope, each unit line and each squad: cheaper than a
        // DISTINCT per breakdown in the database, which re-reads the same rows for each.
        var activityRows = await (
            from c in credits
            join v in vols on c.VolunteerId equals v.Id
            where c.Source == CreditSource.Activity && c.SourceId != null && c.At >= start && c.At < end
            select new ActivityCredit(c.VolunteerId, c.SourceId!.Value)
        ).ToListAsync(ct);
        var totalActivities = activityRows.Select(a => a.SourceId).Distinct().Count();

        var squads = await squadsQuery
            .OrderBy(s => s.Name)
            .Select(s => new
            {
                s.Id,
                s.Name,
                s.TypeCode,
                s.IsActive,
            })
            .ToListAsync(ct);
        var members = await (
            from m in db.SquadMembers.AsNoTracking()
            join s in squadsQuery on m.SquadId equals s.Id
            join v in vols on m.VolunteerId equals v.Id
            select new { m.SquadId, m.VolunteerId }
        ).ToListAsync(ct);
        var squadsOf = members.ToLookup(m => m.VolunteerId, m => m.SquadId);
        var squadActivities = activityRows
            .SelectMany(a => squadsOf[a.VolunteerId], (a, squad) => (squad, a.SourceId))
            .GroupBy(x => x.squad)
            .ToDictionary(g => g.Key, g => g.Select(x => x.SourceId).Distinct().Count());
        var squadTypes = await db
            .DictionaryItems.AsNoTracking()
            .Where(d => d.Category == VolunteerDictionaries.SquadType)
            .ToDictionaryAsync(d => d.Code, d => d.Name, ct);

        VolunteerFigureSet Set(IEnumerable<Person> group, int activities)
        {
            int registered = 0,
                active = 0,
                joined = 0,
                turns = 0,
                trainings = 0,
                tips = 0;
            long minutes = 0,
                points = 0;
            foreach (var p in group)
            {
                var s = sums.GetValueOrDefault(p.Id);
                var isRegistered =
                    p.Status is VolunteerStatus.Active or VolunteerStatus.Suspended && (p.JoinedAt is null || p.JoinedAt < end);
                if (isRegistered)
                    registered++;
                if (isRegistered && rule.IsActive(s?.Window ?? 0))
                    active++;
                if (p.JoinedAt is { } j && j >= start && j < end)
                    joined++;
                if (s is null)
                    continue;
                minutes += s.Minutes;
                points += s.Points;
                turns += s.Turns;
                trainings += s.Trainings;
                tips += s.Tips;
            }
            return new VolunteerFigureSet(registered, active, joined, minutes, points, activities, turns, trainings, tips);
        }

        var total = Set(people, totalActivities);

        var byId = people.ToDictionary(p => p.Id);
        var squadRows = squads
            .Select(s =>
            {
                var group = members.Where(m => m.SquadId == s.Id).Select(m => byId[m.VolunteerId]).Distinct();
                var kind = squadTypes.GetValueOrDefault(s.TypeCode, s.TypeCode) + (s.IsActive ? "" : "（已停用）");
                return new VolunteerFigureRow(s.Id, s.Name, kind, Set(group, squadActivities.GetValueOrDefault(s.Id)));
            })
            .ToList();

        var unitRows = await UnitRowsAsync(unit, units, people, activityRows, Set, ct);
        return new VolunteerFigures(
            orgUnitId,
            unit?.Name ?? "全部管辖范围",
            period.From,
            period.To,
            total,
            unitRows,
            squadRows,
            rule.Definition(period.To)
        );
    }

    /// <summary>The units one level below the one asked for (or below the caller's only top unit), each with
    /// everything beneath it; volunteers of that unit itself are a line of their own (本级).</summary>
    private static async Task<List<VolunteerFigureRow>> UnitRowsAsync(
        OrgUnit? unit,
        IQueryable<OrgUnit> unitsQuery,
        List<Person> people,
        List<ActivityCredit> activityRows,
        Func<IEnumerable<Person>, int, VolunteerFigureSet> set,
        CancellationToken ct
    )
    {
        var units = await unitsQuery
            .Select(u => new
            {
                u.Id,
                u.Name,
                u.Kind,
                u.Path,
                u.ParentId,
                u.Depth,
            })
            .ToListAsync(ct);
        var known = units.ToDictionary(u => u.Id);
        var tops = units.Where(u => u.ParentId is null || !known.ContainsKey(u.ParentId.Value)).ToList();
        var root =
            unit is not null ? known.GetValueOrDefault(unit.Id)
            : tops.Count == 1 ? tops[0]
            : null;
        var lines = root is null ? tops : units.Where(u => u.ParentId == root.Id).OrderBy(u => u.Name).ToList();
        // Which line a unit's volunteers count under: the line whose path starts the unit's path, or the root itself.
        var byPath = lines.ToDictionary(l => l.Path, l => l.Id);
        if (root is not null)
            byPath[root.Path] = root.Id;
        // Each level of a path is 32 hex digits and a slash, so a line's path is the root's and one level more.
        int? length = root is null ? null : root.Path.Length + 33;
        Guid? LineOf(string path)
        {
            if (length is { } n)
                return byPath.TryGetValue(path.Length > n ? path[..n] : path, out var id) ? id : null;
            return lines.FirstOrDefault(t => path.StartsWith(t.Path, StringComparison.Ordinal))?.Id;
        }
        var lineOfUnit = people
            .Select(p => p.OrgUnitId)
            .Distinct()
            .Where(known.ContainsKey)
            .ToDictionary(u => u, u => LineOf(known[u].Path));
        var lineOfVolunteer = people.ToDictionary(p => p.Id, p => lineOfUnit.GetValueOrDefault(p.OrgUnitId));
        var activities = activityRows
            .Select(a => (Line: lineOfVolunteer.GetValueOrDefault(a.VolunteerId), a.SourceId))
            .Where(a => a.Line is not null)
            .GroupBy(a => a.Line!.Value)
            .ToDictionary(g => g.Key, g => g.Select(a => a.SourceId).Distinct().Count());
        var peopleByLine = people
            .GroupBy(p => lineOfVolunteer[p.Id])
            .Where(g => g.Key is not null)
            .ToDictionary(g => g.Key!.Value, g => g.ToList());
        var rows = lines
            .Select(l => new VolunteerFigureRow(
                l.Id,
                l.Name,
                l.Kind.Label(),
                set(peopleByLine.GetValueOrDefault(l.Id) ?? [], activities.GetValueOrDefault(l.Id))
            ))
            .ToList();
        if (root is not null && peopleByLine.TryGetValue(root.Id, out var own))
            rows.Insert(
                0,
                new VolunteerFigureRow(root.Id, root.Name + "（本级）", root.Kind.Label(), set(own, activities.GetValueOrDefault(root.Id)))
            );
        return rows;
    }
}
