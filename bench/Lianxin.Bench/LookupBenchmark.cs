using System.Diagnostics;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Bench;

/// <summary>How long finding one resident takes at a million residents: by primary key (the
/// baseline), by exact ID number through the blind index as the resident list does it, the same
/// within a station leader's data scope, and the same ID query with its index defeated.</summary>
public static class LookupBenchmark
{
    /// <summary>Measurement is split into rounds, each running every query in turn (starting with a
    /// different one each round), so load from other work on the machine falls on all of them alike.</summary>
    private const int Rounds = 5;

    private const int ScanWarmup = 3;

    private sealed record Target(Guid Id, string IdNumber);

    private sealed record Query(string Label, int Iterations, int Warmup, Func<LianxinDbContext, Target, Task<Resident?>> Run)
    {
        public List<double> Micros { get; } = [];
    }

    public static async Task RunAsync(LookupOptions options)
    {
        var protector = BenchDatabase.Protector();
        var database = options.Postgres is { } pg
            ? BenchDatabase.Postgres(pg)
            : BenchDatabase.Sqlite(options.DataDirectory, options.Residents);
        await database.PrepareAsync(protector, options.Residents);

        await using var db = database.NewContext();
        var (engine, bytes) = await database.DescribeAsync(db);
        var station = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Station).OrderBy(u => u.Code).FirstAsync();
        // What a station leader sees: the station's subtree, found by the path prefix.
        var scope = new DataScope(false, [station.Path], [], null);

        // (a) The baseline: one row by primary key.
        var byId = new Query("(a) primary key", options.Iterations, options.Warmup, (c, t) =>
            c.Residents.AsNoTracking().FirstOrDefaultAsync(r => r.Id == t.Id)
        );
        // (b) As ResidentService.QueryAsync turns an ID number filter into SQL, hashing included.
        var byIdNumber = new Query("(b) ID number, blind index", options.Iterations, options.Warmup, (c, t) =>
        {
            var hash = HashOf(protector, t.IdNumber);
            return c.Residents.AsNoTracking().Where(r => r.IdNumberHash == hash).FirstOrDefaultAsync();
        });
        // (c) The same behind a station leader's data-scope filter (a join to the unit's path).
        var byIdNumberInScope = new Query("(c) ID number, blind index + station scope", options.Iterations, options.Warmup, (c, t) =>
        {
            var hash = HashOf(protector, t.IdNumber);
            return c.Residents.AsNoTracking().Where(scope.Filter<Resident>()).Where(r => r.IdNumberHash == hash).FirstOrDefaultAsync();
        });
        // (d) The same predicate written so no index can serve it: what the index saves.
        var withoutIndex = new Query(
            "(d) ID number, index not usable",
            options.ScanIterations,
            Math.Min(ScanWarmup, options.ScanIterations),
            (c, t) =>
            {
                var hash = HashOf(protector, t.IdNumber);
                return c.Residents.AsNoTracking().Where(r => r.IdNumberHash + "" == hash).FirstOrDefaultAsync();
            }
        );
        var queries = new List<Query> { byId, byIdNumber, byIdNumberInScope };
        if (options.ScanIterations > 0)
            queries.Add(withoutIndex);

        var need = queries.Sum(q => q.Warmup + q.Iterations);
        var targets = await SampleAsync(db, scope, protector, need, options.Seed);
        Console.WriteLine();
        Console.WriteLine(
            $"{engine}, {options.Residents:N0} residents, {bytes / (1024.0 * 1024):N0} MiB on disk; "
                + $".NET {Environment.Version}, {Environment.ProcessorCount} logical cores, "
                + $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}"
        );
        Console.WriteLine(
            $"Looking up {targets.Count:N0} distinct residents of {station.Name} ({station.Code}), each once, in random order."
        );

        await PrintPlansAsync(db, database.IsPostgres, scope, protector, targets[0]);

        // Each query gets its own residents, so none reads rows another has just brought into cache.
        var next = 0;
        var plan = queries
            .Select(q =>
            {
                var warm = targets.GetRange(next, q.Warmup);
                var measured = targets.GetRange(next + q.Warmup, q.Iterations);
                next += q.Warmup + q.Iterations;
                return (Query: q, Warm: warm, Measured: measured);
            })
            .ToList();

        Console.WriteLine();
        Console.WriteLine($"Warming up ({options.Warmup} lookups per query, {Math.Min(ScanWarmup, options.ScanIterations)} for (d))...");
        foreach (var (q, warm, _) in plan)
        {
            foreach (var t in warm)
                Check(q, t, await q.Run(db, t));
        }

        Console.WriteLine($"Measuring in {Rounds} rounds...");
        var total = Stopwatch.StartNew();
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < plan.Count; k++)
            {
                var (q, _, measured) = plan[(k + round) % plan.Count];
                var from = measured.Count * round / Rounds;
                var to = measured.Count * (round + 1) / Rounds;
                GC.Collect();
                GC.WaitForPendingFinalizers();
                for (var i = from; i < to; i++)
                {
                    var t = measured[i];
                    var start = Stopwatch.GetTimestamp();
                    var found = await q.Run(db, t);
                    q.Micros.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                    Check(q, t, found);
                }
            }
        }
        Console.WriteLine($"  done in {total.Elapsed.TotalSeconds:F1} s");

        // The share of (b) spent before the database is asked: parsing and hashing the number.
        var hashOnly = new List<double>(options.Iterations);
        foreach (var t in plan[1].Measured)
        {
            var start = Stopwatch.GetTimestamp();
            HashOf(protector, t.IdNumber);
            hashOnly.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
        }

        PrintTable(engine, queries, hashOnly);
    }

    private static string HashOf(PersonalDataProtector protector, string idNumber)
    {
        var parsed = CitizenId.Parse(idNumber);
        if (!parsed.IsValid)
            throw new InvalidOperationException($"a generated ID number does not parse: {parsed.Error}");
        return protector.BlindIndex(parsed.Normalized!);
    }

    private static void Check(Query q, Target t, Resident? found)
    {
        if (found?.Id != t.Id)
            throw new InvalidOperationException($"{q.Label}: expected resident {t.Id}, got {found?.Id.ToString() ?? "nothing"}");
    }

    /// <summary>Picks residents of the station at random (seeded, so a run can be repeated) and reads
    /// their ID numbers back in clear, as an officer would type them.</summary>
    private static async Task<List<Target>> SampleAsync(
        LianxinDbContext db,
        DataScope scope,
        PersonalDataProtector protector,
        int count,
        int seed
    )
    {
        var ids = await db
            .Residents.AsNoTracking()
            .Where(scope.Filter<Resident>())
            .Where(r => r.IdNumberCipher != null)
            .OrderBy(r => r.Id)
            .Select(r => r.Id)
            .ToListAsync();
        if (ids.Count < count)
        {
            throw new InvalidOperationException(
                $"the station has {ids.Count:N0} residents with an ID number, fewer than the {count:N0} "
                    + "lookups asked for; use more residents or fewer iterations"
            );
        }
        var rng = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var j = rng.Next(i, ids.Count);
            (ids[i], ids[j]) = (ids[j], ids[i]);
        }
        var chosen = ids.GetRange(0, count);

        var ciphers = new Dictionary<Guid, byte[]>(count);
        foreach (var chunk in chosen.Chunk(500))
        {
            var rows = await db
                .Residents.AsNoTracking()
                .Where(r => chunk.Contains(r.Id))
                .Select(r => new { r.Id, r.IdNumberCipher })
                .ToListAsync();
            foreach (var row in rows)
                ciphers[row.Id] = row.IdNumberCipher!;
        }
        return chosen.Select(id => new Target(id, protector.Decrypt(ciphers[id]))).ToList();
    }

    /// <summary>Shows how the database runs each query, so the figures can be read against the plan
    /// (index probe, or a scan of the whole table).</summary>
    private static async Task PrintPlansAsync(
        LianxinDbContext db,
        bool postgres,
        DataScope scope,
        PersonalDataProtector protector,
        Target t
    )
    {
        var hash = HashOf(protector, t.IdNumber);
        var shapes = new (string Label, IQueryable<Resident> Query)[]
        {
            ("(a)", db.Residents.AsNoTracking().Where(r => r.Id == t.Id)),
            ("(b)", db.Residents.AsNoTracking().Where(r => r.IdNumberHash == hash)),
            ("(c)", db.Residents.AsNoTracking().Where(scope.Filter<Resident>()).Where(r => r.IdNumberHash == hash)),
            ("(d)", db.Residents.AsNoTracking().Where(r => r.IdNumberHash + "" == hash)),
        };
        Console.WriteLine();
        Console.WriteLine("Query plans:");
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var (label, query) in shapes)
            {
                await using var command = query.Take(1).CreateDbCommand();
                var sql = command.CommandText;
                var where = sql.IndexOf("WHERE", StringComparison.Ordinal);
                Console.WriteLine($"  {label} {Flatten(where < 0 ? sql : sql[where..])}");
                command.CommandText = (postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + sql;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                    Console.WriteLine($"        {reader.GetString(postgres ? 0 : 3)}");
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string Flatten(string sql) => string.Join(' ', sql.Split(['\r', '\n', ' '], StringSplitOptions.RemoveEmptyEntries));

    private static void PrintTable(string engine, List<Query> queries, List<double> hashOnly)
    {
        var baseline = Stats.Of(queries[0].Micros);
        Console.WriteLine();
        Console.WriteLine($"{engine}: time per lookup in microseconds, ratios against (a)");
        Console.WriteLine();
        Console.WriteLine("| query | n | median µs | p95 µs | mean µs | median × (a) | mean × (a) |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var q in queries)
        {
            var s = Stats.Of(q.Micros);
            Console.WriteLine(
                $"| {q.Label} | {s.Count:N0} | {s.Median:N1} | {s.P95:N1} | {s.Mean:N1} | "
                    + $"{s.Median / baseline.Median:N2} | {s.Mean / baseline.Mean:N2} |"
            );
        }
        var h = Stats.Of(hashOnly);
        Console.WriteLine(
            $"| of (b): parse + blind index only | {h.Count:N0} | {h.Median:N1} | {h.P95:N1} | {h.Mean:N1} | "
                + $"{h.Median / baseline.Median:N2} | {h.Mean / baseline.Mean:N2} |"
        );
    }
}
