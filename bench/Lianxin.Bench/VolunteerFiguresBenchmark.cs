using System.Diagnostics;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Organization;
using Lianxin.Core.Volunteers;
using Lianxin.Core.Volunteers.Figures;
using Lianxin.Core.Volunteers.Honours;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Bench;

/// <summary>The volunteer figures and the yearly ranking for the whole county, through the app's own
/// services, at --baseline volunteers and at --volunteers volunteers, each with a year of credits (a dozen
/// activities, two trainings and a tip per volunteer, about 1,000 activities a month at 10,000). The
/// floor is one plain GROUP BY over the same year's credits.</summary>
public static class VolunteerFiguresBenchmark
{
    private static readonly DateOnly LastDay = new(2026, 10, 31);

    private sealed class County : ICurrentUser
    {
        public string? UserId => "bench";
        public string UserName => "bench";
        public string? IpAddress => null;

        public bool Has(string permission) => true;

        public Task<DataScope> GetScopeAsync(CancellationToken ct = default) => Task.FromResult(DataScope.Everything);
    }

    public static async Task RunAsync(VolunteerFiguresOptions options)
    {
        Console.WriteLine($"{"volunteers", 10} {"credits", 9} {"query", -34} {"median ms", 10} {"p95 ms", 9}");
        var medians = new Dictionary<(int, string), double>();
        foreach (var n in new[] { options.Baseline, options.Volunteers })
        {
            var database = options.Postgres is { } pg
                ? BenchDatabase.Postgres(pg, $"lianxin_bench_volunteers_{n}")
                : BenchDatabase.Sqlite(options.DataDirectory, 0, $"volunteers-{n}.db");
            await database.PrepareAsync(BenchDatabase.Protector(), 0);
            await LoadAsync(database, n);
            await using var db = database.NewContext();
            var credits = await db.VolunteerCredits.CountAsync();
            var figures = new VolunteerFigureService(
                db,
                new County(),
                Microsoft.Extensions.Options.Options.Create(new ActiveVolunteerRule())
            );
            var honours = new HonourService(db, new County());
            var from = new DateOnly(LastDay.Year, 1, 1);
            var year = new ChinaPeriod(from, LastDay);
            var (start, end) = (year.Start, year.End);
            var queries = new (string Name, Func<Task<int>> Run)[]
            {
                ("floor: GROUP BY volunteer", async () =>
                    (
                        await db
                            .VolunteerCredits.AsNoTracking()
                            .Where(c => c.At >= start && c.At < end)
                            .GroupBy(c => c.VolunteerId)
                            .Select(g => new { g.Key, M = g.Sum(c => c.Minutes) })
                            .ToListAsync()
                    ).Count
                ),
                ("figures (county, year to date)", async () => (await figures.GetAsync(null, from, LastDay)).Total.Registered),
                ("ranking by hours (page 1)", async () =>
                    (await honours.RankingAsync(LastDay.Year, RankingOrder.Hours, null, new PageRequest(1, 50))).Page.Total
                ),
            };
            foreach (var (name, run) in queries)
            {
                await run(); // warm
                var samples = new List<double>();
                for (var i = 0; i < options.Iterations; i++)
                {
                    var sw = Stopwatch.StartNew();
                    await run();
                    samples.Add(sw.Elapsed.TotalMilliseconds);
                }
                var s = Stats.Of(samples);
                medians[(n, name)] = s.Median;
                Console.WriteLine($"{n, 10:N0} {credits, 9:N0} {name, -34} {s.Median, 10:F1} {s.P95, 9:F1}");
            }
        }
        Console.WriteLine();
        foreach (var name in medians.Keys.Select(k => k.Item2).Distinct())
            Console.WriteLine(
                $"{name}: {options.Volunteers:N0} volunteers take "
                    + $"{medians[(options.Volunteers, name)] / medians[(options.Baseline, name)]:F1}× "
                    + $"the time of {options.Baseline:N0} ({(double)options.Volunteers / options.Baseline:F0}× the data)"
            );
    }

    /// <summary>Volunteers spread over the county's villages and grids, a squad per village, and a year of credits; made
    /// once per database.</summary>
    private static async Task LoadAsync(BenchDatabase database, int volunteers)
    {
        await using var db = database.NewContext();
        if (await db.Volunteers.CountAsync() == volunteers)
            return;
        Console.WriteLine($"Loading {volunteers:N0} volunteers and a year of credits into {database.Name} (once)...");
        db.SuppressEntityAudit = true;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        await db.VolunteerCredits.ExecuteDeleteAsync();
        await db.SquadMembers.ExecuteDeleteAsync();
        await db.Squads.ExecuteDeleteAsync();
        await db.Volunteers.ExecuteDeleteAsync();
        var units = await db
            .OrgUnits.AsNoTracking()
            .Where(u => u.Kind == OrgUnitKind.Village || u.Kind == OrgUnitKind.Grid)
            .OrderBy(u => u.Code)
            .Select(u => new
            {
                u.Id,
                u.Kind,
                u.ParentId,
            })
            .ToListAsync();
        var villages = units.Where(u => u.Kind == OrgUnitKind.Village).ToList();
        var squads = villages.ToDictionary(
            v => v.Id,
            v => new Squad
            {
                OrgUnitId = v.Id,
                Name = "巡逻中队",
                TypeCode = "patrol",
            }
        );
        db.Squads.AddRange(squads.Values);
        var rng = new Random(7);
        var yearStart = new DateTimeOffset(LastDay.Year - 1, LastDay.Month, LastDay.Day, 16, 0, 0, TimeSpan.Zero);
        var activityIds = Enumerable.Range(0, 12_000 * volunteers / 10_000 + 1).Select(_ => Guid.CreateVersion7()).ToArray();
        for (var i = 0; i < volunteers; i++)
        {
            var unit = units[i % units.Count];
            var appliedAt = yearStart.AddDays(-rng.Next(0, 700));
            var joinedAt = yearStart.AddDays(-rng.Next(0, 600));
            var (v, _) = Volunteer.Applying(
                null,
                new VolunteerDetails(
                    $"义警{i}",
                    Gender.Unknown,
                    ProtectedText.Empty,
                    ProtectedText.Empty,
                    unit.Id,
                    [],
                    VolunteerAvailability.None
                ),
                appliedAt
            );
            v.Accept(null, joinedAt);
            if (i % 20 == 0)
                v.Retire("退出", null, joinedAt);
            db.Volunteers.Add(v);
            var village = unit.Kind == OrgUnitKind.Village ? unit.Id : unit.ParentId!.Value;
            if (i % 3 == 0 && squads.TryGetValue(village, out var squad))
                db.SquadMembers.Add(
                    new SquadMember
                    {
                        SquadId = squad.Id,
                        VolunteerId = v.Id,
                        JoinedAt = yearStart,
                    }
                );
            for (var k = 0; k < 15; k++)
            {
                var source =
                    k < 12 ? CreditSource.Activity
                    : k < 14 ? CreditSource.Training
                    : CreditSource.Tip;
                db.VolunteerCredits.Add(
                    new VolunteerCredit
                    {
                        VolunteerId = v.Id,
                        OrgUnitId = unit.Id,
                        Source = source,
                        At = yearStart.AddMinutes(rng.Next(0, 365 * 24 * 60)),
                        SourceId = source == CreditSource.Activity ? activityIds[rng.Next(activityIds.Length)] : Guid.CreateVersion7(),
                        Minutes = source == CreditSource.Tip ? 0 : rng.Next(60, 300),
                        Points = rng.Next(1, 10),
                    }
                );
            }
            if (i % 2_000 == 1_999)
            {
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
            }
        }
        await db.SaveChangesAsync();
    }
}
