using System.Diagnostics;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Disputes;
using Lianxin.Core.Disputes.Figures;
using Lianxin.Core.Notifications;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Bench;

/// <summary>The dispute ledger and figures at 100,000 disputes against the same operations at 1,000,
/// through the app's own services, as a station leader sees them.</summary>
public static class DisputeBenchmark
{
    private const int Rounds = 5;

    /// <summary>The demo disputes run up to this day, so every prepared database holds the same ones.</summary>
    public static readonly DateTimeOffset Until = new(2026, 11, 20, 4, 0, 0, TimeSpan.Zero);

    private sealed record Operation(string Label, Func<Task<int>> Run)
    {
        public List<double> Millis { get; } = [];
        public int Rows { get; set; }

        /// <summary>Calls per round when fewer than the other operations' (a slow reference).</summary>
        public int? PerRound { get; init; }
    }

    private sealed class StationLeader(DataScope scope) : ICurrentUser
    {
        public string? UserId => "bench";
        public string UserName => "bench";
        public string? IpAddress => null;

        public bool Has(string permission) => true;

        public Task<DataScope> GetScopeAsync(CancellationToken ct = default) => Task.FromResult(scope);
    }

    private sealed class NoPush : INotificationPusher
    {
        public Task PushAsync(string userId, Notification notification, CancellationToken ct = default) => Task.CompletedTask;
    }

    public static async Task RunAsync(DisputeOptions options)
    {
        var protector = BenchDatabase.Protector();
        var results = new List<(int Disputes, List<Operation> Ops, string Engine)>();
        foreach (var size in new[] { options.Baseline, options.Disputes })
        {
            var database = options.Postgres is { } pg
                ? BenchDatabase.Postgres(pg, $"lianxin_bench_disputes_{size}")
                : BenchDatabase.Sqlite(options.DataDirectory, options.Residents, $"disputes-{size}.db");
            await database.PrepareAsync(protector, options.Residents, size, Until);
            results.Add((size, await MeasureAsync(database, options), (await DescribeAsync(database)).Engine));
        }
        Print(results, options);
    }

    private static async Task<(string Engine, long Bytes)> DescribeAsync(BenchDatabase database)
    {
        await using var db = database.NewContext();
        return await database.DescribeAsync(db);
    }

    private static async Task<List<Operation>> MeasureAsync(BenchDatabase database, DisputeOptions options)
    {
        await using var db = database.NewContext();
        var station = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Station).OrderBy(u => u.Code).FirstAsync();
        var district = await db
            .OrgUnits.AsNoTracking()
            .Where(u => u.Kind == OrgUnitKind.PoliceDistrict && u.ParentId == station.Id)
            .OrderBy(u => u.Code)
            .FirstAsync();
        var user = new StationLeader(new DataScope(false, [station.Path], [], null));
        var disputes = new DisputeService(
            db,
            user,
            AddressNormalizer.Default,
            new NotificationService(db, user, new NoPush()),
            Microsoft.Extensions.Options.Options.Create(new Lianxin.Core.Disputes.DisputeOptions())
        );
        var figures = new DisputeFigureService(db, user);
        var inStation = (await disputes.ListAsync(new DisputeFilter(), new PageRequest(1, 20))).Total;
        var deepPage = Math.Max(1, inStation * 8 / 10 / 20);
        var year = ChinaTime.Day(Until).Year - 1;
        var overdue = new DisputeFilter(Status: DisputeStatus.Mediating, OrgUnitId: district.Id, Overdue: true);
        Console.WriteLine(
            $"{database.Name}: {inStation:N0} disputes in {station.Name}; deep page = page {deepPage} of 20 rows; figures for {year}."
        );

        var ops = new List<Operation>
        {
            new("ledger, first page (newest first)", async () =>
                (await disputes.ListAsync(new DisputeFilter(), new PageRequest(1, 20))).Items.Count
            ),
            new("ledger, mediating + district + overdue", async () =>
                (await disputes.ListAsync(overdue, new PageRequest(1, 20))).Items.Count
            ),
            new($"ledger, page at 80% depth", async () =>
                (await disputes.ListAsync(new DisputeFilter(), new PageRequest(deepPage, 20))).Items.Count
            ),
            new($"figures, station, one year + year before", async () =>
                (await figures.GetAsync(station.Id, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))).Current.Accepted
            ),
            // The reference: the same two periods counted directly with the ledger's rules, one COUNT per figure.
            new($"figures counted directly (reference)", async () =>
                (await figures.GetDirectAsync(station.Id, new ChinaPeriod(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31)))).Accepted
                + (
                    await figures.GetDirectAsync(station.Id, new ChinaPeriod(new DateOnly(year - 1, 1, 1), new DateOnly(year - 1, 12, 31)))
                ).Accepted
            )
            {
                PerRound = 2,
            },
        };

        // The tallies must give the direct count, here at full size too, or the timings mean nothing.
        var tallied = await figures.GetAsync(station.Id, new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        foreach (
            var (set, period) in new[] { (tallied.Current, tallied.Current.Period), (tallied.PreviousYear, tallied.PreviousYear.Period) }
        )
        {
            var direct = await figures.GetDirectAsync(station.Id, period);
            var differing = Enum.GetValues<DisputeFigure>().Where(f => set.Count(f) != direct.Count(f)).ToList();
            if (differing.Count > 0 || set.AverageDaysToResolve != direct.AverageDaysToResolve)
                throw new InvalidOperationException(
                    $"{database.Name}: tallied figures differ from the direct count for {period.From:yyyy}: "
                        + string.Join(", ", differing.Select(f => $"{f} {set.Count(f)} ≠ {direct.Count(f)}"))
                );
        }
        Console.WriteLine(
            $"{database.Name}: tallied figures equal the direct count for {year} and {year - 1} "
                + $"(accepted {tallied.Current.Accepted:N0}, resolved {tallied.Current.Resolved:N0}, "
                + $"average {tallied.Current.AverageDaysToResolve} days)."
        );
        foreach (var op in ops)
        {
            for (var i = 0; i < options.Warmup; i++)
                op.Rows = await op.Run();
        }
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < ops.Count; k++)
            {
                var op = ops[(k + round) % ops.Count];
                GC.Collect();
                for (var i = 0; i < Math.Min(op.PerRound ?? int.MaxValue, options.Iterations / Rounds); i++)
                {
                    var start = Stopwatch.GetTimestamp();
                    op.Rows = await op.Run();
                    op.Millis.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
            }
        }
        return ops;
    }

    private static void Print(List<(int Disputes, List<Operation> Ops, string Engine)> results, DisputeOptions options)
    {
        var (baseSize, baseOps, engine) = results[0];
        var (size, ops, _) = results[1];
        Console.WriteLine();
        Console.WriteLine($"{engine}: milliseconds per call ({options.Iterations} calls each), {size:N0} against {baseSize:N0} disputes");
        Console.WriteLine();
        Console.WriteLine(
            $"| operation | median ms, {baseSize:N0} | p95 ms, {baseSize:N0} | median ms, {size:N0} | p95 ms, {size:N0} | median ratio |"
        );
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var i = 0; i < ops.Count; i++)
        {
            var a = Stats.Of(baseOps[i].Millis);
            var b = Stats.Of(ops[i].Millis);
            Console.WriteLine($"| {ops[i].Label} | {a.Median:N2} | {a.P95:N2} | {b.Median:N2} | {b.P95:N2} | {b.Median / a.Median:N1} |");
        }
    }
}
