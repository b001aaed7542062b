using System.Diagnostics;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Core.Organization;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Bench;

/// <summary>The repeat check on intake at millions of stored incidents against a primary-key lookup of one
/// incident on the same table: (b) the check for one new incident (<see cref="RepeatCheck.ClusterAsync"/>: the
/// earlier incidents at its address and from its caller, then the open clusters where the rule is met) and (c) the
/// same set-based check for a chunk of 2,000 new incidents as the file import hands it over, per incident.</summary>
public static class IncidentRepeatBenchmark
{
    private const int Rounds = 5;
    private const int Chunk = 200_000;
    private const int Residents = 1000;
    private const int ImportChunk = 2000;
    private const int ChunkRounds = 10;

    private static readonly string[] Syllables =
    [
        "东港",
        "西柏",
        "南庄",
        "北岭",
        "锦绣",
        "阳光",
        "幸福",
        "和平",
        "金桥",
        "翠湖",
        "滨江",
        "柏坡",
        "温塘",
        "岗南",
        "梁家",
        "新华",
        "丽都",
        "红旗",
        "中山",
        "学府",
    ];
    private static readonly string[] Estates = ["小区", "花园", "家园", "豪庭", "苑", "新村", "公寓"];
    private static readonly string[] Categories = ["dispute", "public-order", "help", "traffic", "criminal", "fraud", "fire", "missing"];
    private static readonly string[] Summaries =
    [
        "邻里因噪音发生争吵报警",
        "家庭纠纷求助",
        "楼道堆放杂物引发口角",
        "车辆剐蹭纠纷",
        "老人走失求助",
        "疑似赌博聚集",
        "电信诈骗咨询",
    ];

    private sealed record Pool(string[] Addresses, string[] Keys, Guid[] Villages, Guid[] Stations, ProtectedText[] Phones);

    public static async Task RunAsync(IncidentRepeatOptions options)
    {
        var protector = BenchDatabase.Protector();
        var database = options.Postgres is { } pg
            ? BenchDatabase.Postgres(pg, $"lianxin_bench_repeat_{options.Incidents}")
            : BenchDatabase.Sqlite(options.DataDirectory, Residents, $"repeat-{options.Incidents}.db");
        await database.PrepareAsync(protector, Residents);
        var rule = new RepeatOptions();
        var now = DateTimeOffset.UtcNow;

        Pool pool;
        await using (var db = database.NewContext())
            pool = await PoolAsync(db, protector, options.Incidents);
        await LoadAsync(database, pool, options.Incidents, now);

        await using var ctx = database.NewContext();
        var (engine, bytes) = await database.DescribeAsync(ctx);
        var random = new Random(11);
        var need = Rounds * (options.Iterations / Rounds) + options.Warmup;
        // Existing incidents for the baseline, found through the address index so the choice costs little.
        var ids = new List<Guid>(need);
        while (ids.Count < need)
        {
            var key = pool.Keys[random.Next(pool.Keys.Length)];
            if (await ctx.Incidents.AsNoTracking().Where(i => i.AddressKey == key).Select(i => (Guid?)i.Id).FirstOrDefaultAsync() is { } id)
                ids.Add(id);
        }
        // New incidents as intake would check them: received now, address and caller drawn as the stored ones were.
        var fresh = Enumerable.Range(0, need).Select(i => NewIncident(pool, random, $"N{i:D9}", now)).ToList();

        Console.WriteLine();
        Console.WriteLine(
            $"{engine}, {options.Incidents:N0} incidents, {bytes / (1024.0 * 1024):N0} MiB on disk; "
                + $"rule {rule.MinCount}+ within {rule.WindowDays} days; "
                + $".NET {Environment.Version}, {Environment.ProcessorCount} logical cores"
        );

        var pk = new List<double>();
        var check = new List<double>();
        var repeats = 0;
        for (var w = 0; w < options.Warmup; w++)
        {
            await ctx.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ids[w]);
            await RepeatCheck.ClusterAsync(ctx, [fresh[w]], rule, CancellationToken.None);
            ctx.ChangeTracker.Clear();
        }
        var per = options.Iterations / Rounds;
        for (var round = 0; round < Rounds; round++)
        {
            GC.Collect();
            for (var k = 0; k < per; k++)
            {
                var n = options.Warmup + round * per + k;
                // Alternate which goes first, so neither always reads pages the other has just warmed.
                var pkFirst = (k & 1) == 0;
                if (pkFirst)
                    pk.Add(await TimeAsync(() => ctx.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ids[n])));
                var start = Stopwatch.GetTimestamp();
                var touched = await RepeatCheck.ClusterAsync(ctx, [fresh[n]], rule, CancellationToken.None);
                check.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                if (touched.Count > 0)
                    repeats++;
                ctx.ChangeTracker.Clear();
                if (!pkFirst)
                    pk.Add(await TimeAsync(() => ctx.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == ids[n])));
            }
        }

        // A file's chunk: 2,000 incidents received over the last six hours, saved in a transaction as the import
        // saves them (not timed), then the set-based check over the whole chunk (timed), then rolled back.
        var chunkPer = new List<double>();
        var chunkRepeats = 0;
        for (var round = -1; round < ChunkRounds; round++)
        {
            var chunk = Enumerable
                .Range(0, ImportChunk)
                .Select(k => NewIncident(pool, random, $"C{round + 1:D2}{k:D6}", now - TimeSpan.FromHours(6 * random.NextDouble())))
                .OrderBy(i => i.ReceivedAt)
                .ToList();
            ctx.SuppressEntityAudit = true;
            await using var tx = await ctx.Database.BeginTransactionAsync();
            ctx.Incidents.AddRange(chunk);
            await ctx.SaveChangesAsync();
            GC.Collect();
            var start = Stopwatch.GetTimestamp();
            var touched = await RepeatCheck.ClusterAsync(ctx, chunk, rule, CancellationToken.None);
            var elapsed = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            await tx.RollbackAsync();
            ctx.ChangeTracker.Clear();
            if (round < 0)
                continue; // warm-up
            chunkPer.Add(elapsed / ImportChunk);
            chunkRepeats += touched.Select(t => t.Incident.Id).Distinct().Count();
        }

        var a = Stats.Of(pk);
        var b = Stats.Of(check);
        var c = Stats.Of(chunkPer);
        Console.WriteLine($"{"query", -52} {"n", 6} {"median µs", 10} {"p95 µs", 10} {"× (a)", 7}");
        Console.WriteLine($"{"(a) incident by primary key", -52} {a.Count, 6} {a.Median, 10:F0} {a.P95, 10:F0} {1.0, 7:F2}");
        Console.WriteLine(
            $"{"(b) repeat check for one new incident", -52} {b.Count, 6} {b.Median, 10:F0} {b.P95, 10:F0} {b.Median / a.Median, 7:F2}"
        );
        var setBased = $"(c) set-based check, per incident of a {ImportChunk:N0} chunk";
        Console.WriteLine($"{setBased, -52} {c.Count, 6} {c.Median, 10:F1} {c.P95, 10:F1} {c.Median / a.Median, 7:F2}");
        Console.WriteLine(
            $"    (b): {repeats:N0} of {b.Count:N0} new incidents met the rule and so also read the open clusters; "
                + $"(c): {chunkRepeats:N0} of {c.Count * ImportChunk:N0} met it, medians over {c.Count} chunks of {ImportChunk:N0}"
        );
        Console.WriteLine(
            b.Median <= 3 * a.Median
                ? "PASS: the repeat check is within 3× a primary-key lookup"
                : "OVER: the repeat check takes more than 3× a primary-key lookup"
        );
    }

    private static async Task<double> TimeAsync<T>(Func<Task<T>> work)
    {
        var start = Stopwatch.GetTimestamp();
        await work();
        return Stopwatch.GetElapsedTime(start).TotalMicroseconds;
    }

    private static async Task<Pool> PoolAsync(LianxinDbContext db, PersonalDataProtector protector, int incidents)
    {
        var units = await db
            .OrgUnits.AsNoTracking()
            .Select(u => new
            {
                u.Id,
                u.Kind,
                u.Path,
            })
            .ToListAsync();
        var stations = units.Where(u => u.Kind == OrgUnitKind.Station).ToList();
        var villages = units.Where(u => u.Kind == OrgUnitKind.Village).ToList();
        var stationOf = villages.Select(v => stations.First(s => v.Path.StartsWith(s.Path, StringComparison.Ordinal)).Id).ToArray();
        var random = new Random(5);
        // About 12 stored incidents per flat over three years; one caller in eight calls again and again.
        var flats = Math.Max(1000, incidents / 12);
        var addresses = new string[flats];
        var keys = new string[flats];
        for (var i = 0; i < flats; i++)
        {
            var estate =
                $"{Syllables[random.Next(Syllables.Length)]}{Syllables[random.Next(Syllables.Length)]}"
                + $"{Estates[random.Next(Estates.Length)]}";
            addresses[i] = random.Next(3) switch
            {
                0 => $"{estate}{random.Next(1, 31)}号楼{random.Next(1, 7)}单元{random.Next(1, 19)}0{random.Next(1, 5)}",
                1 => $"{estate}{random.Next(1, 31)}栋{random.Next(1, 7)}单元{random.Next(1, 19)}0{random.Next(1, 5)}室",
                _ => $"{Syllables[random.Next(Syllables.Length)]}村{random.Next(1, 13)}组{random.Next(1, 120)}号",
            };
            keys[i] = AddressNormalizer.Default.Normalize(addresses[i]);
        }
        var phones = new ProtectedText[Math.Max(1000, incidents / 8)];
        for (var i = 0; i < phones.Length; i++)
            phones[i] = protector.Protect(
                $"1{random.Next(3, 9)}{random.Next(0, 10)}{random.Next(10_000_000, 100_000_000)}",
                PhoneNumber.Mask
            );
        return new Pool(addresses, keys, villages.Select(v => v.Id).ToArray(), stationOf, phones);
    }

    private static Incident NewIncident(Pool pool, Random random, string number, DateTimeOffset at)
    {
        // A fifth of calls come from a hot tenth of flats and callers: the repeated ones.
        var a = random.Next(5) == 0 ? random.Next(pool.Keys.Length / 10) : random.Next(pool.Keys.Length);
        var v = a % pool.Villages.Length;
        // The random draws in the order they were always made, so the same seed gives the same incidents.
        var category = Categories[random.Next(Categories.Length)];
        var summary = Summaries[random.Next(Summaries.Length)];
        var phone =
            random.Next(10) != 0
                ? pool.Phones[random.Next(5) == 0 ? random.Next(pool.Phones.Length / 10) : random.Next(pool.Phones.Length)]
                : null;
        var incident = Incident.Receive(
            new IncidentReport
            {
                Number = number,
                ReceivedAt = at,
                CategoryCode = category,
                Address = pool.Addresses[a],
                AddressKey = pool.Keys[a],
                Summary = summary,
                HandlingUnitId = pool.Stations[v],
                Source = IncidentSource.Api,
                CallerPhone = phone,
            }
        );
        incident.Place(pool.Villages[v], PlacementMethod.Address);
        return incident;
    }

    private static async Task LoadAsync(BenchDatabase database, Pool pool, int incidents, DateTimeOffset now)
    {
        await using (var db = database.NewContext())
        {
            if (await db.Incidents.CountAsync() == incidents)
            {
                Console.WriteLine($"Using the prepared {database.Name} incidents ({incidents:N0}).");
                return;
            }
            await db.Incidents.ExecuteDeleteAsync();
        }
        Console.WriteLine($"Loading {incidents:N0} incidents into {database.Name} through the bulk writer (once; kept for later runs)...");
        var writer = database.IsPostgres
            ? (IBulkWriter)new Lianxin.Data.Postgres.PostgresBulkWriter()
            : new Lianxin.Data.Sqlite.SqliteBulkWriter();
        var random = new Random(3);
        var span = TimeSpan.FromDays(3 * 365);
        var clock = Stopwatch.StartNew();
        for (var done = 0; done < incidents; done += Chunk)
        {
            var count = Math.Min(Chunk, incidents - done);
            // In time order, as they would have arrived, so the version-7 ids grow with the time received.
            var times = Enumerable
                .Range(0, count)
                .Select(_ => now - span + span * ((done + random.NextDouble() * count) / incidents))
                .Order()
                .ToList();
            var rows = times.Select((t, k) => NewIncident(pool, random, $"B{done + k:D10}", t.AddDays(-1))).ToList();
            await using var db = database.NewContext();
            db.SuppressEntityAudit = true;
            await using var tx = await db.Database.BeginTransactionAsync();
            await writer.WriteAsync(db, rows);
            await tx.CommitAsync();
            Console.WriteLine($"  {done + count:N0} rows, {clock.Elapsed.TotalSeconds:F0} s");
        }
        await using (var db = database.NewContext())
        {
            if (database.IsPostgres)
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE \"Incidents\";");
            else
                await db.Database.ExecuteSqlRawAsync("ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);");
        }
        Console.WriteLine($"  loaded in {clock.Elapsed.TotalSeconds:F0} s");
    }
}
