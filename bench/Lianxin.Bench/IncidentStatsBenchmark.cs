using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Statistics;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lianxin.Bench;

/// <summary>A year's incident statistics for the whole county, served from the tallies by the app's own
/// service, against the plain GROUP BY queries over the raw incident rows that give the same breakdowns, on
/// the same database in the same run.</summary>
public static class IncidentStatsBenchmark
{
    /// <summary>The generated incidents cover the two years up to this day, so every prepared database holds the same ones.</summary>
    private static readonly DateOnly LastDay = new(2026, 10, 31);

    private sealed class County : ICurrentUser
    {
        public string? UserId => "bench";
        public string UserName => "bench";
        public string? IpAddress => null;

        public bool Has(string permission) => true;

        public Task<DataScope> GetScopeAsync(CancellationToken ct = default) => Task.FromResult(DataScope.Everything);
    }

    public static async Task RunAsync(IncidentStatsOptions options)
    {
        var protector = BenchDatabase.Protector();
        var database = options.Postgres is { } pg
            ? BenchDatabase.Postgres(pg, $"lianxin_bench_incidents_{options.Incidents}")
            : BenchDatabase.Sqlite(options.DataDirectory, options.Residents, $"incidents-{options.Incidents}.db");
        await database.PrepareAsync(protector, options.Residents);
        await LoadAsync(database, options.Incidents);

        await using var db = database.NewContext();
        var (engine, bytes) = await database.DescribeAsync(db);
        var year = new ChinaPeriod(new DateOnly(2025, 11, 1), LastDay);
        var service = new IncidentStatisticsService(db, new County());
        var tallyRows = await db.IncidentTallies.CountAsync();

        // Warm both paths once, and check they agree.
        var fromTallies = await service.GetAsync(null, year.From, year.To);
        var direct = await DirectAsync(db, year);
        var agree =
            direct.Total == fromTallies.Counts.Total
            && direct.YearEarlier == fromTallies.YearOnYear.Counts.Total
            && direct.Before == fromTallies.MonthOnMonth.Counts.Total
            && direct.ByHour.SequenceEqual(fromTallies.ByHour)
            && direct.ByWeekday.SequenceEqual(fromTallies.ByWeekday)
            && fromTallies.ByCategory.All(c => direct.ByCategory.TryGetValue(c.Code, out var n) && n == c.Total)
            && direct.ByCategory.Count == fromTallies.ByCategory.Count;

        var tallied = new List<double>();
        for (var i = 0; i < options.Iterations; i++)
        {
            db.ChangeTracker.Clear();
            var clock = Stopwatch.StartNew();
            await service.GetAsync(null, year.From, year.To);
            tallied.Add(clock.Elapsed.TotalMilliseconds);
        }
        var scanned = new List<double>();
        for (var i = 0; i < options.DirectIterations; i++)
        {
            var clock = Stopwatch.StartNew();
            await DirectAsync(db, year);
            scanned.Add(clock.Elapsed.TotalMilliseconds);
        }
        var t = Stats.Of(tallied);
        var d = Stats.Of(scanned);
        Console.WriteLine();
        Console.WriteLine(
            $"{engine}, {bytes / 1024.0 / 1024.0:N0} MiB on disk; {options.Incidents:N0} incidents "
                + $"over {LastDay.AddYears(-2).AddDays(1):yyyy-MM-dd}..{LastDay:yyyy-MM-dd}; {tallyRows:N0} tally rows."
        );
        Console.WriteLine(
            $"A year's statistics for the county ({year.From:yyyy-MM-dd}..{year.To:yyyy-MM-dd}: {fromTallies.Counts.Total:N0} incidents; "
                + "by category, unit × category, hour, weekday, validity, preventable, year on year, previous period)."
        );
        Console.WriteLine($"  results agree: {(agree ? "yes" : "NO")}");
        Console.WriteLine($"  {"", -40} {"runs", 5} {"median ms", 12} {"p95 ms", 10}");
        Console.WriteLine($"  {"from the tallies (IncidentStatisticsService)", -40} {t.Count, 5} {t.Median, 12:F1} {t.P95, 10:F1}");
        Console.WriteLine($"  {"GROUP BY over the incidents", -40} {d.Count, 5} {d.Median, 12:F1} {d.P95, 10:F1}");
        Console.WriteLine($"  speed-up (median): {d.Median / t.Median:F0}x");
    }

    /// <summary>Fills the incidents table to the wanted count (once; kept), through the bulk writer, then rebuilds the tallies.</summary>
    private static async Task LoadAsync(BenchDatabase database, int count)
    {
        await using (var check = database.NewContext())
        {
            if (
                await check.Incidents.CountAsync() == count
                && await check.RollupStates.AnyAsync(s => s.Name == IncidentTallyRollup.RollupName)
            )
            {
                Console.WriteLine($"Using the prepared {database.Name} database with {count:N0} incidents.");
                return;
            }
        }
        Console.WriteLine($"Loading {count:N0} incidents into {database.Name} (once; kept for later runs)...");
        var clock = Stopwatch.StartNew();
        List<Guid> units;
        await using (var db = database.NewContext())
        {
            await db.IncidentTallies.ExecuteDeleteAsync();
            await db.Incidents.ExecuteDeleteAsync();
            // Incidents happen in villages, communities and grids.
            units = await db
                .OrgUnits.AsNoTracking()
                .Where(u => u.Kind == OrgUnitKind.Village || u.Kind == OrgUnitKind.Community || u.Kind == OrgUnitKind.Grid)
                .OrderBy(u => u.Code)
                .Select(u => u.Id)
                .ToListAsync();
        }
        var rng = new Random(4);
        // Some places have far more incidents than others (a market town against a hill village).
        var unitWeights = units.Select(_ => Math.Pow(rng.NextDouble(), 2) + 0.05).ToArray();
        (string Code, double Weight)[] categories =
        [
            ("dispute", 30),
            ("help", 22),
            ("public-order", 14),
            ("traffic", 12),
            ("criminal", 8),
            ("fraud", 6),
            ("missing", 3),
            ("fire", 2),
            ("gambling", 1),
            ("mining", 0.5),
            ("other", 1.5),
        ];
        // Fewer calls at night, peaks late morning and in the evening.
        double[] hours = [3, 2, 1.5, 1, 1, 1.5, 3, 5, 6, 7, 8, 8, 6, 6, 7, 7, 7, 8, 9, 10, 10, 9, 7, 5];
        var pickUnit = Picker(unitWeights, rng);
        var pickCategory = Picker(categories.Select(c => c.Weight).ToArray(), rng);
        var pickHour = Picker(hours, rng);
        var firstDay = LastDay.AddYears(-2).AddDays(1);
        var days = LastDay.DayNumber - firstDay.DayNumber + 1;
        const int Batch = 100_000;
        for (var done = 0; done < count; done += Batch)
        {
            var rows = new List<Incident>(Math.Min(Batch, count - done));
            for (var i = done; i < Math.Min(count, done + Batch); i++)
            {
                var unit = units[pickUnit()];
                var day = firstDay.AddDays(rng.Next(days));
                var at = new DateTimeOffset(
                    day.ToDateTime(new TimeOnly(pickHour(), rng.Next(60), rng.Next(60))),
                    ChinaTime.Offset
                ).ToUniversalTime();
                var roll = rng.NextDouble();
                var incident = Incident.Receive(
                    new IncidentReport
                    {
                        Number = $"B{i:D9}",
                        ReceivedAt = at,
                        CategoryCode = categories[pickCategory()].Code,
                        HandlingUnitId = unit,
                        Summary = "",
                        Preventable = rng.NextDouble() < 0.3,
                        Validity =
                            roll < 0.85 ? IncidentValidity.Valid
                            : roll < 0.95 ? IncidentValidity.Repeat
                            : IncidentValidity.Invalid,
                        Source = IncidentSource.Import,
                    }
                );
                incident.Place(unit, PlacementMethod.Address);
                rows.Add(incident);
            }
            await using var db = database.NewContext();
            db.SuppressEntityAudit = true;
            await using var tx = await db.Database.BeginTransactionAsync();
            await database.Writer.WriteAsync(db, rows);
            await tx.CommitAsync();
            if ((done / Batch) % 10 == 9)
                Console.WriteLine($"  {done + rows.Count:N0} rows, {clock.Elapsed.TotalSeconds:F0} s");
        }
        Console.WriteLine($"  loaded in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        await using (var db = database.NewContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await IncidentTallyRollup.RebuildAsync(db, database.Writer);
        }
        Console.WriteLine($"  tallies rebuilt in {clock.Elapsed.TotalSeconds:F1} s");
        clock.Restart();
        await using (var db = database.NewContext())
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            if (database.IsPostgres)
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE;");
            else
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;");
        }
        Console.WriteLine(
            $"  {(database.IsPostgres ? "vacuumed and analysed" : "checkpointed and analysed")} in {clock.Elapsed.TotalSeconds:F1} s"
        );
    }

    private static Func<int> Picker(double[] weights, Random rng)
    {
        var cumulative = new double[weights.Length];
        var sum = 0.0;
        for (var i = 0; i < weights.Length; i++)
            cumulative[i] = sum += weights[i];
        return () =>
        {
            var x = rng.NextDouble() * sum;
            var i = Array.BinarySearch(cumulative, x);
            return Math.Min(i < 0 ? ~i : i, weights.Length - 1);
        };
    }

    private sealed record Direct(int Total, int YearEarlier, int Before, Dictionary<string, int> ByCategory, int[] ByHour, int[] ByWeekday);

    /// <summary>The same breakdowns as plain GROUP BY queries over the incidents of the period, one per breakdown, as a
    /// straightforward implementation would ask them.</summary>
    private static async Task<Direct> DirectAsync(LianxinDbContext db, ChinaPeriod year)
    {
        var days = year.To.DayNumber - year.From.DayNumber + 1;
        var before = new ChinaPeriod(year.From.AddDays(-days), year.From.AddDays(-1));
        var pg = db.IsPostgres;
        // China hour and weekday (0 = Monday) of the received time, in each engine's own terms. SQLite holds the time
        // as EF's binary form: ticks / 1000 shifted left 11 bits (the offset, always 0 here, in the low bits).
        var hour = pg
            ? "extract(hour from (\"ReceivedAt\" at time zone 'UTC') + interval '8 hours')::int"
            : "((((\"ReceivedAt\" >> 11) / 36000000) + 8) % 24)";
        var weekday = pg
            ? "(extract(isodow from (\"ReceivedAt\" at time zone 'UTC') + interval '8 hours')::int - 1)"
            : "((((\"ReceivedAt\" >> 11) + 288000000) / 864000000) % 7)";
        var sums =
            "count(*), sum(CASE WHEN \"Validity\" = 1 THEN 1 ELSE 0 END), sum(CASE WHEN \"Validity\" = 2 THEN 1 ELSE 0 END), "
            + "sum(CASE WHEN \"Validity\" = 3 THEN 1 ELSE 0 END), sum(CASE WHEN \"Preventable\" THEN 1 ELSE 0 END)";
        const string Where = "FROM \"Incidents\" WHERE \"ReceivedAt\" >= @s AND \"ReceivedAt\" < @e";

        var byCategory = new Dictionary<string, int>();
        await QueryAsync(db, $"SELECT \"CategoryCode\", {sums} {Where} GROUP BY \"CategoryCode\"", year, r =>
            byCategory[r.GetString(0)] = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture)
        );
        var heat = 0;
        await QueryAsync(db, $"SELECT \"OrgUnitId\", \"CategoryCode\", {sums} {Where} GROUP BY \"OrgUnitId\", \"CategoryCode\"", year, _ =>
            heat++
        );
        var byHour = new int[24];
        await QueryAsync(db, $"SELECT {hour}, count(*) {Where} GROUP BY 1", year, r =>
            byHour[Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt32(
                r.GetValue(1),
                CultureInfo.InvariantCulture
            )
        );
        var byWeekday = new int[7];
        await QueryAsync(db, $"SELECT {weekday}, count(*) {Where} GROUP BY 1", year, r =>
            byWeekday[Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)] = Convert.ToInt32(
                r.GetValue(1),
                CultureInfo.InvariantCulture
            )
        );
        int total = 0,
            yearEarlier = 0,
            previous = 0;
        await QueryAsync(db, $"SELECT {sums} {Where}", year, r => total = Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture));
        await QueryAsync(db, $"SELECT {sums} {Where}", year.YearEarlier(), r =>
            yearEarlier = Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)
        );
        await QueryAsync(db, $"SELECT {sums} {Where}", before, r =>
            previous = Convert.ToInt32(r.GetValue(0), CultureInfo.InvariantCulture)
        );
        return new Direct(total, yearEarlier, previous, byCategory, byHour, byWeekday);
    }

    private static readonly DateTimeOffsetToBinaryConverter Binary = new();

    private static async Task QueryAsync(LianxinDbContext db, string sql, ChinaPeriod period, Action<DbDataReader> read)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.CommandTimeout = 1800;
            Add(command, "@s", period.Start);
            Add(command, "@e", period.End);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        void Add(DbCommand command, string name, DateTimeOffset value)
        {
            var p = command.CreateParameter();
            p.ParameterName = name;
            p.Value = db.IsPostgres ? value : Binary.ConvertToProvider(value)!;
            command.Parameters.Add(p);
        }
    }
}
