using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lianxin.Core.Access;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Dictionaries;
using Lianxin.Core.Incidents;
using Lianxin.Core.Incidents.Import;
using Lianxin.Core.Incidents.Repeats;
using Lianxin.Core.Incidents.Statistics;
using Lianxin.Core.Notifications;
using Lianxin.Core.Organization;
using Lianxin.Data.Postgres;
using Lianxin.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Lianxin.Bench;

public sealed record ImportBenchOptions(int Rows, string DataDirectory, string? Postgres, string Sqlite3, bool WithIntake)
{
    public static ImportBenchOptions Parse(ReadOnlySpan<string> args)
    {
        var rows = 1_000_000;
        string? data = null,
            pg = Environment.GetEnvironmentVariable("LIANXIN_BENCH_PG") is { Length: > 0 } env ? env : null;
        var sqlite3 = "/usr/bin/sqlite3";
        var withIntake = true;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--without-intake")
            {
                withIntake = false;
                continue;
            }
            if (i + 1 >= args.Length)
                throw new ArgumentException($"{name} needs a value");
            var value = args[++i];
            switch (name)
            {
                case "--rows":
                    rows =
                        int.TryParse(value.Replace("_", "", StringComparison.Ordinal), CultureInfo.InvariantCulture, out var n)
                        && n is >= 1 and <= 5_000_000
                            ? n
                            : throw new ArgumentException("--rows must be a whole number from 1 to 5000000");
                    break;
                case "--data":
                    data = value;
                    break;
                case "--pg":
                    pg = value;
                    break;
                case "--sqlite3":
                    sqlite3 = value;
                    break;
                default:
                    throw new ArgumentException($"unknown option {name}");
            }
        }
        var lookup = LookupOptions.Parse(data is null ? [] : ["--data", data]);
        return new ImportBenchOptions(rows, lookup.DataDirectory, pg, sqlite3, withIntake);
    }
}

/// <summary>The incident file import against each database's own bulk loader, on the same generated file in
/// the same run: PostgreSQL's COPY FROM STDIN and the sqlite3 shell's .import, each into two tables of the file's
/// columns: a bare one, and a keyed one carrying the keys an incident table must have to be used (the number
/// unique; time, unit and time, address and time, phone and time, unit), as the incident table does. The import
/// does more (checks every row, encrypts the caller, computes the address key, places each incident, inserts only
/// new numbers, keeps the statistics and runs the repeat check), which is what the ratio prices.</summary>
internal static class IncidentImportBenchmark
{
    private const string PlainColumns =
        "number text, received_at {0}, category text, type text, subtype text, caller_name text, caller_phone text, "
        + "address text, longitude {1}, latitude {1}, summary text, disposition text, unit_code text, officer text, "
        + "preventable text, validity text";

    /// <summary>The keys of the incident table that have a counterpart among the file's columns.</summary>
    private static readonly string[] Keys =
    [
        "CREATE UNIQUE INDEX keyed_number ON {0} (number)",
        "CREATE INDEX keyed_time ON {0} (received_at)",
        "CREATE INDEX keyed_unit_time ON {0} (unit_code, received_at)",
        "CREATE INDEX keyed_address_time ON {0} (address, received_at)",
        "CREATE INDEX keyed_phone_time ON {0} (caller_phone, received_at)",
        "CREATE INDEX keyed_unit ON {0} (unit_code)",
    ];

    public static async Task RunAsync(ImportBenchOptions o)
    {
        Directory.CreateDirectory(o.DataDirectory);
        var file = Path.Combine(o.DataDirectory, $"incidents-v2-{o.Rows}.csv");
        if (!File.Exists(file))
        {
            var made = Stopwatch.StartNew();
            Generate(file, o.Rows);
            Console.WriteLine(
                $"Generated {file} ({new FileInfo(file).Length / 1024d / 1024:0.0} MB) in {made.Elapsed.TotalSeconds:0.0} s."
            );
        }
        Console.WriteLine($"File: {file}, {o.Rows:N0} rows, {new FileInfo(file).Length / 1024d / 1024:0.0} MB");
        Console.WriteLine();
        var results = new List<(string Name, double Seconds)>();

        if (o.Postgres is { } pg)
        {
            var copy = await PostgresCopyAsync(pg, file, keyed: false);
            var keyedCopy = await PostgresCopyAsync(pg, file, keyed: true);
            var ours = await OurImportAsync(PostgresOptions(pg), new PostgresBulkWriter(), file, o.Rows, "PostgreSQL", o.WithIntake);
            Report("PostgreSQL", "COPY", o.Rows, copy, keyedCopy, ours);
            await StoredRowsCopyAsync(PostgresOptions(pg), o.Rows, ours);
        }
        else
            Console.WriteLine("PostgreSQL skipped: give --pg or LIANXIN_BENCH_PG.");

        var dotImport = await SqliteShellImportAsync(o.Sqlite3, o.DataDirectory, file, keyed: false);
        var keyedImport = await SqliteShellImportAsync(o.Sqlite3, o.DataDirectory, file, keyed: true);
        var sqliteFile = Path.Combine(o.DataDirectory, "import-bench.db");
        var oursSqlite = await OurImportAsync(SqliteOptions(sqliteFile), new SqliteBulkWriter(), file, o.Rows, "SQLite", o.WithIntake);
        Report("SQLite", ".import", o.Rows, dotImport, keyedImport, oursSqlite);
        await StoredRowsCopyAsync(SqliteOptions(sqliteFile, fresh: false), o.Rows, oursSqlite);
    }

    /// <summary>The floor under any import into the incident table: the database copying the rows the import stored
    /// (already checked, encrypted and placed) into an empty table exactly like it (same columns, keys and foreign
    /// keys), by PostgreSQL's binary COPY, or on SQLite by INSERT … SELECT. The import's time over this is what
    /// reading, checking and the intake steps add; this over the keyed COPY is what the incident table's own shape
    /// (wider encrypted rows, eight indexes, two foreign keys) costs.</summary>
    private static async Task StoredRowsCopyAsync(DbContextOptions<LianxinDbContext> options, int rows, double ours)
    {
        await using var db = new LianxinDbContext(options);
        await db.Database.OpenConnectionAsync();
        double seconds;
        if (db.IsPostgres)
        {
            var conn = (NpgsqlConnection)db.Database.GetDbConnection();
            await using (
                var like = new NpgsqlCommand(
                    "DROP TABLE IF EXISTS incidents_again; CREATE TABLE incidents_again (LIKE \"Incidents\" INCLUDING ALL); "
                        + "ALTER TABLE incidents_again ADD FOREIGN KEY (\"OrgUnitId\") REFERENCES \"OrgUnits\" (\"Id\"), "
                        + "ADD FOREIGN KEY (\"HandlingUnitId\") REFERENCES \"OrgUnits\" (\"Id\")",
                    conn
                )
            )
                await like.ExecuteNonQueryAsync();
            // Its storage parameters too (the page fill factor): LIKE does not copy them.
            await using (
                var storage = new NpgsqlCommand("SELECT array_to_string(reloptions, ', ') FROM pg_class WHERE relname = 'Incidents'", conn)
            )
                if (await storage.ExecuteScalarAsync() is string { Length: > 0 } set)
                {
                    await using var alter = new NpgsqlCommand($"ALTER TABLE incidents_again SET ({set})", conn);
                    await alter.ExecuteNonQueryAsync();
                }
            var dump = Path.Combine(Path.GetTempPath(), $"incidents-{Guid.NewGuid():N}.bin");
            try
            {
                await using (var output = File.Create(dump))
                await using (var raw = await conn.BeginRawBinaryCopyAsync("COPY \"Incidents\" TO STDOUT (FORMAT BINARY)"))
                    await raw.CopyToAsync(output);
                var clock = Stopwatch.StartNew();
                await using (var input = File.OpenRead(dump))
                await using (var raw = await conn.BeginRawBinaryCopyAsync("COPY incidents_again FROM STDIN (FORMAT BINARY)"))
                    await input.CopyToAsync(raw);
                seconds = clock.Elapsed.TotalSeconds;
            }
            finally
            {
                File.Delete(dump);
            }
            await using var drop = new NpgsqlCommand("DROP TABLE incidents_again", conn);
            await drop.ExecuteNonQueryAsync();
        }
        else
        {
            var create = await BenchDatabase.ScalarAsync(db, "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'Incidents'");
            var indexes = await db
                .Database.SqlQueryRaw<string>(
                    "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'Incidents' AND sql IS NOT NULL"
                )
                .ToListAsync();
            await db.Database.ExecuteSqlRawAsync("DROP TABLE IF EXISTS incidents_again");
            await db.Database.ExecuteSqlRawAsync(create.Replace("\"Incidents\"", "incidents_again", StringComparison.Ordinal));
            foreach (var index in indexes)
                await db.Database.ExecuteSqlRawAsync(
                    index
                        .Replace("\"IX_Incidents_", "\"IX_again_", StringComparison.Ordinal)
                        .Replace("ON \"Incidents\"", "ON incidents_again", StringComparison.Ordinal)
                );
            var clock = Stopwatch.StartNew();
            await db.Database.ExecuteSqlRawAsync("INSERT INTO incidents_again SELECT * FROM \"Incidents\"");
            seconds = clock.Elapsed.TotalSeconds;
            await db.Database.ExecuteSqlRawAsync("DROP TABLE incidents_again");
        }
        Console.WriteLine(
            $"   the stored rows copied again into a table like the incident table: {seconds:0.00} s ({rows / seconds:N0} rows/s); "
                + $"import rate / that rate = {seconds / ours:0.00}"
        );
        Console.WriteLine();
    }

    private static void Report(string name, string loader, int rows, double bare, double keyed, double ours)
    {
        Console.WriteLine();
        Console.WriteLine(
            $"== {name}: {loader} into the bare table {bare:0.00} s ({rows / bare:N0} rows/s), into the keyed table {keyed:0.00} s "
                + $"({rows / keyed:N0} rows/s); import {ours:0.00} s ({rows / ours:N0} rows/s)"
        );
        Console.WriteLine(
            $"   import rate / keyed {loader} rate = {keyed / ours:0.00}; "
                + $"import rate / bare {loader} rate = {bare / ours:0.00} (target >= 0.50)"
        );
        Console.WriteLine();
    }

    /// <summary>A deterministic file: the same seed gives the same bytes, so runs compare.</summary>
    private static void Generate(string path, int rows)
    {
        var random = new Random(20261126);
        (string Cat, string Type, string Sub)[] kinds =
        [
            ("dispute", "dispute.neighbour", "dispute.neighbour.boundary"),
            ("dispute", "dispute.family", ""),
            ("public-order", "public-order.noise", ""),
            ("criminal", "criminal.theft", "criminal.theft.ebike"),
            ("traffic", "traffic.accident", "traffic.accident.minor"),
            ("help", "help.person", "help.person.elderly"),
            ("fraud", "fraud.online", "fraud.online.order"),
            ("other", "", ""),
        ];
        string[] surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴"];
        string[] given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇"];
        string[] places = ["东港豪庭", "西峪村", "南湖小区", "北关街", "滨河花园", "青石村", "杏林苑", "工业园"];
        string[] summaries =
        [
            "邻居装修噪音扰民",
            "两家因院墙地界发生争执",
            "电动车在楼下被盗",
            "老人外出走失，家属求助",
            "轻微剐蹭，双方争执",
            "接到刷单返利诈骗电话",
            "夫妻吵架，一方报警",
            "店门口有人酒后滋事",
        ];
        string[] dispositions = ["民警到场调解，双方达成谅解", "已登记，移交派出所处理", "现场劝离", "已找到，交还家属"];
        var start = new DateTime(2025, 1, 1, 0, 0, 0);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        w.Write(string.Join(",", IncidentImportTemplate.Columns.Select(c => c.Header)));
        w.Write("\r\n");
        for (var i = 1; i <= rows; i++)
        {
            var k = kinds[random.Next(kinds.Length)];
            var at = start.AddSeconds(i * 30L + random.Next(30));
            // One call in ten comes from one of 5,000 troubled households, which call again and again from the same
            // flat and phone; the rest from any of about 1.3 million flats and any phone, so they repeat only by chance.
            string phone,
                flat;
            if (random.Next(10) == 0)
            {
                var h = random.Next(5_000);
                phone = $"13{100_000_000 + h * 17:D9}";
                flat = $"{places[h % places.Length]}{1 + h % 200}号楼{1 + h / 200 % 6}单元{1 + h % 33}0{1 + h % 4}";
            }
            else
            {
                phone = $"13{random.Next(100_000_000, 999_999_999)}";
                flat =
                    $"{places[random.Next(places.Length)]}{random.Next(1, 201)}号楼"
                    + $"{random.Next(1, 7)}单元{random.Next(1, 34)}0{random.Next(1, 5)}";
            }
            w.Write($"J{i:D12},{at:yyyy-MM-dd HH:mm:ss},{k.Cat},{k.Type},{k.Sub},");
            w.Write($"{surnames[random.Next(surnames.Length)]}{given[random.Next(given.Length)]},{phone},");
            w.Write($"{flat},");
            w.Write(FormattableString.Invariant($"{120 + random.NextDouble():0.000000},{30 + random.NextDouble():0.000000},"));
            // Every tenth summary holds a comma and is quoted, as exports from 110 systems do.
            var summary = summaries[random.Next(summaries.Length)];
            w.Write(i % 10 == 0 ? $"\"{summary}，报警人称“已多次发生”, 请求处理\"," : summary + ",");
            w.Write(
                $"{dispositions[random.Next(dispositions.Length)]},S-{random.Next(1, 21):000},{surnames[random.Next(surnames.Length)]}警官,"
            );
            w.Write(random.Next(4) == 0 ? "是," : "否,");
            w.Write(random.Next(20) == 0 ? "重复" : "有效");
            w.Write("\r\n");
        }
    }

    private static DbContextOptions<LianxinDbContext> PostgresOptions(string server)
    {
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = "lianxin_bench_import" }.ToString();
        return new DbContextOptionsBuilder<LianxinDbContext>().UseNpgsql(cs, x => x.MigrationsAssembly("Lianxin.Data.Postgres")).Options;
    }

    private static DbContextOptions<LianxinDbContext> SqliteOptions(string file, bool fresh = true)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in fresh ? new[] { "", "-wal", "-shm", "-journal" } : [])
            File.Delete(file + suffix);
        var cs = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString();
        return new DbContextOptionsBuilder<LianxinDbContext>().UseSqlite(cs, x => x.MigrationsAssembly("Lianxin.Data.Sqlite")).Options;
    }

    private static async Task<double> PostgresCopyAsync(string server, string file, bool keyed)
    {
        var cs = new NpgsqlConnectionStringBuilder(server) { Database = "lianxin_bench_copy", Pooling = false }.ToString();
        await using (var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres" }.ToString()))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand("DROP DATABASE IF EXISTS lianxin_bench_copy WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand("CREATE DATABASE lianxin_bench_copy", admin);
            await create.ExecuteNonQueryAsync();
        }
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        await using (
            var table = new NpgsqlCommand(
                $"CREATE TABLE plain_incidents ("
                    + $"{string.Format(CultureInfo.InvariantCulture, PlainColumns, "timestamp", "double precision")})",
                conn
            )
        )
            await table.ExecuteNonQueryAsync();
        foreach (var key in keyed ? Keys : [])
        {
            await using var index = new NpgsqlCommand(string.Format(CultureInfo.InvariantCulture, key, "plain_incidents"), conn);
            await index.ExecuteNonQueryAsync();
        }
        var clock = Stopwatch.StartNew();
        using (var reader = new StreamReader(file, Encoding.UTF8, true, 1 << 20))
        await using (var writer = await conn.BeginTextImportAsync("COPY plain_incidents FROM STDIN (FORMAT csv, HEADER true)"))
        {
            var buffer = new char[1 << 16];
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0)
                await writer.WriteAsync(buffer.AsMemory(0, n));
        }
        var seconds = clock.Elapsed.TotalSeconds;
        await using var count = new NpgsqlCommand("SELECT count(*) FROM plain_incidents", conn);
        Console.WriteLine(
            $"PostgreSQL COPY into the {(keyed ? "keyed" : "bare")} table: "
                + $"{(long)(await count.ExecuteScalarAsync())!:N0} rows in {seconds:0.00} s"
        );
        return seconds;
    }

    private static async Task<double> SqliteShellImportAsync(string sqlite3, string dir, string file, bool keyed)
    {
        var db = Path.Combine(dir, "import-bench-plain.db");
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(db + suffix);
        await RunShellAsync(
            sqlite3,
            db,
            $"CREATE TABLE plain_incidents ({string.Format(CultureInfo.InvariantCulture, PlainColumns, "TEXT", "REAL")});\n"
                + string.Concat((keyed ? Keys : []).Select(k => string.Format(CultureInfo.InvariantCulture, k, "plain_incidents") + ";\n"))
        );
        var clock = Stopwatch.StartNew();
        await RunShellAsync(
            sqlite3,
            db,
            $".mode csv\n.import --skip 1 '{file.Replace("'", "''", StringComparison.Ordinal)}' plain_incidents\n"
        );
        var seconds = clock.Elapsed.TotalSeconds;
        var rows = (await RunShellAsync(sqlite3, db, "SELECT count(*) FROM plain_incidents;\n")).Trim();
        Console.WriteLine($"sqlite3 .import into the {(keyed ? "keyed" : "bare")} table: {rows} rows in {seconds:0.00} s");
        return seconds;
    }

    private static async Task<string> RunShellAsync(string sqlite3, string db, string commands)
    {
        var start = new ProcessStartInfo(sqlite3, [db])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {sqlite3}");
        await process.StandardInput.WriteAsync(commands);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || error.Length > 0)
            throw new InvalidOperationException($"sqlite3 failed ({process.ExitCode}): {error}");
        return output;
    }

    /// <summary>A fresh database under the app's migrations with the categories and 20 stations the file names,
    /// then the file imported through the import service as a station account would.</summary>
    private static async Task<double> OurImportAsync(
        DbContextOptions<LianxinDbContext> options,
        IBulkWriter bulk,
        string file,
        int rows,
        string name,
        bool withIntake
    )
    {
        string userId;
        await using (var db = new LianxinDbContext(options))
        {
            await db.Database.EnsureDeletedAsync();
            await db.Database.MigrateAsync();
            if (!db.IsPostgres)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            await DictionaryService.SeedDefaultsAsync(db, default);
            var bureau = OrgUnit.Create("B-001", "县公安局", OrgUnitKind.Bureau, null);
            db.OrgUnits.Add(bureau);
            for (var i = 1; i <= 20; i++)
                db.OrgUnits.Add(OrgUnit.Create($"S-{i:000}", $"第{i}派出所", OrgUnitKind.Station, bureau));
            var user = new LianxinUser
            {
                UserName = "bench",
                NormalizedUserName = "BENCH",
                DisplayName = "导入测试",
                OrgUnitId = bureau.Id,
            };
            db.Users.Add(user);
            db.SuppressEntityAudit = true;
            await db.SaveChangesAsync();
            userId = user.Id;
        }
        await using var context = new LianxinDbContext(options);
        context.SuppressEntityAudit = true;
        var importer = new BenchUser(userId);
        // The app's intake as registered in the web host: statistics first, then the repeat check; placement by the placer.
        IIncidentIntakeStep[] steps = !withIntake
            ? []
            :
            [
                new IncidentTallyIntakeStep(),
                new RepeatCheck(new NotificationService(context, importer, new NoPush()), Options.Create(new RepeatOptions()), bulk),
            ];
        var work = Path.Combine(Path.GetTempPath(), "lianxin-bench-imports");
        var service = new IncidentImportService(
            context,
            importer,
            BenchDatabase.Protector(),
            AddressNormalizer.Default,
            bulk,
            context.IsPostgres ? new Lianxin.Data.Postgres.PostgresDatabaseErrors() : new Lianxin.Data.Sqlite.SqliteDatabaseErrors(),
            steps,
            Options.Create(
                new Lianxin.Core.Incidents.Import.IncidentImportOptions { MaxBytes = 4L * 1024 * 1024 * 1024, WorkDirectory = work }
            ),
            withIntake ? new IncidentPlacer(context) : null
        );
        var clock = Stopwatch.StartNew();
        IncidentImportView result;
        await using (var stream = File.OpenRead(file))
            result = await service.ImportAsync(Path.GetFileName(file), stream);
        var seconds = clock.Elapsed.TotalSeconds;
        var stored = await context.Incidents.CountAsync();
        var flagged = await context.Incidents.CountAsync(i => i.FlaggedRepeat);
        var placed = await context.Incidents.CountAsync(i => i.PlaceId != null);
        Console.WriteLine(
            $"Lianxin import into {name}{(withIntake ? "" : " WITHOUT placement, statistics or repeat check")}: "
                + $"{result.Stored:N0} stored ({stored:N0} in the table, {placed:N0} placed, {flagged:N0} flagged as repeats), "
                + $"{result.Invalid} invalid, {result.Duplicates} duplicates, in {seconds:0.00} s"
        );
        Console.WriteLine(
            "  phases: "
                + string.Join(", ", service.Phases.Where(p => p.Key != "start").Select(p => $"{p.Key} {p.Value.TotalSeconds:0.00} s"))
        );
        if (result.Stored != rows)
            throw new InvalidOperationException($"expected {rows} stored, got {result.Stored}");

        return seconds;
    }

    private sealed class NoPush : Lianxin.Core.Notifications.INotificationPusher
    {
        public Task PushAsync(string userId, Lianxin.Core.Notifications.Notification notification, CancellationToken ct = default) =>
            Task.CompletedTask;
    }

    private sealed class BenchUser(string id) : ICurrentUser
    {
        public string? UserId => id;
        public string UserName => "导入测试";
        public string? IpAddress => null;

        public bool Has(string permission) => true;

        public Task<DataScope> GetScopeAsync(CancellationToken ct = default) => Task.FromResult(DataScope.Everything);
    }
}
