using System.Data.Common;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Lianxin.Core.Common;
using Lianxin.Core.Data;
using Lianxin.Core.Demo;
using Lianxin.Data.Postgres;
using Lianxin.Data.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lianxin.Bench;

/// <summary>The database a benchmark reads: made once through the app's own migrations and bulk
/// writer, then kept (a SQLite file in the data folder, or the lianxin_bench database on a
/// PostgreSQL server) and reused as long as it still matches the model and the resident count.</summary>
internal sealed class BenchDatabase
{
    public const string PostgresDatabase = "lianxin_bench";

    private readonly DbContextOptions<LianxinDbContext> _options;
    private readonly IBulkWriter _writer;
    private readonly string? _sqliteFile;

    private BenchDatabase(string name, DbContextOptions<LianxinDbContext> options, IBulkWriter writer, string? sqliteFile)
    {
        Name = name;
        _options = options;
        _writer = writer;
        _sqliteFile = sqliteFile;
    }

    public string Name { get; }

    public bool IsPostgres => _sqliteFile is null;

    public IBulkWriter Writer => _writer;

    public static BenchDatabase Sqlite(string dataDirectory, int residents, string? fileName = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var file = Path.Combine(dataDirectory, fileName ?? $"lookup-{residents}.db");
        // As the app connects (see the web host's database setup): pooled, 30 s busy timeout, WAL.
        var cs = new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30 }.ToString();
        var options = new DbContextOptionsBuilder<LianxinDbContext>()
            .UseSqlite(cs, o => o.MigrationsAssembly("Lianxin.Data.Sqlite"))
            .Options;
        return new BenchDatabase("SQLite", options, new SqliteBulkWriter(), file);
    }

    public static BenchDatabase Postgres(string connectionString, string database = PostgresDatabase)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString) { Database = database }.ToString();
        var options = new DbContextOptionsBuilder<LianxinDbContext>()
            .UseNpgsql(cs, o => o.MigrationsAssembly("Lianxin.Data.Postgres"))
            .Options;
        return new BenchDatabase("PostgreSQL", options, new PostgresBulkWriter(), null);
    }

    public LianxinDbContext NewContext() => new(_options);

    /// <summary>Fixed keys, so a prepared database stays readable from run to run. They protect only
    /// the generated county of this benchmark and must never be used for anything else.</summary>
    public static PersonalDataProtector Protector() =>
        new(
            new PersonalDataOptions
            {
                EncryptionKey = BenchKey("lianxin-bench/encryption"),
                BlindIndexKey = BenchKey("lianxin-bench/blind-index"),
            }
        );

    private static string BenchKey(string label) => Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(label)));

    /// <summary>Makes sure the database holds the demo county with exactly <paramref name="residents"/>
    /// residents under the current migrations, building it if not.</summary>
    public async Task PrepareAsync(PersonalDataProtector protector, int residents, int disputes = 0, DateTimeOffset? disputesUntil = null)
    {
        await using (var db = NewContext())
        {
            if (await IsReadyAsync(db, protector, residents) && await db.Disputes.CountAsync() == disputes)
            {
                Console.WriteLine($"Using the prepared {Name} database ({residents:N0} residents, {disputes:N0} disputes).");
                return;
            }
        }
        Console.WriteLine(
            $"Preparing the {Name} database with {residents:N0} residents and {disputes:N0} disputes (once; kept for later runs)..."
        );
        await BuildAsync(protector, residents, disputes, disputesUntil ?? DateTimeOffset.UtcNow);
    }

    private static async Task<bool> IsReadyAsync(LianxinDbContext db, PersonalDataProtector protector, int residents)
    {
        if (!await db.Database.CanConnectAsync())
            return false;
        if (!(await db.Database.GetAppliedMigrationsAsync()).Any())
            return false;
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
            return false;
        if (await db.Residents.CountAsync() != residents)
            return false;
        // A database made with other keys would make every lookup miss; check one row round-trips.
        var probe = await db
            .Residents.AsNoTracking()
            .Where(r => r.IdNumberCipher != null)
            .OrderBy(r => r.Id)
            .Select(r => new { r.IdNumberCipher, r.IdNumberHash })
            .FirstOrDefaultAsync();
        if (probe is null)
            return false;
        try
        {
            return protector.BlindIndex(protector.Decrypt(probe.IdNumberCipher!)) == probe.IdNumberHash;
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private async Task BuildAsync(PersonalDataProtector protector, int residents, int disputes, DateTimeOffset disputesUntil)
    {
        await using (var db = NewContext())
        {
            await db.Database.EnsureDeletedAsync();
        }
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
                File.Delete(_sqliteFile + suffix);
        }

        var clock = Stopwatch.StartNew();
        await using (var db = NewContext())
        {
            await db.Database.MigrateAsync();
            if (_sqliteFile is not null)
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        Console.WriteLine($"  migrated in {clock.Elapsed.TotalSeconds:F1} s");

        clock.Restart();
        var county = DemoCounty.Build(protector, residents);
        Console.WriteLine(
            $"  built the county in memory in {clock.Elapsed.TotalSeconds:F1} s "
                + $"({county.Units.Count:N0} units, {county.Members.Count:N0} members, {county.Residents.Count:N0} residents)"
        );

        // The same path as the app's demo seed: all rows through the bulk writer in one transaction.
        clock.Restart();
        await using (var db = NewContext())
        {
            db.SuppressEntityAudit = true;
            await using var tx = await db.Database.BeginTransactionAsync();
            await _writer.WriteAsync(db, county.Units);
            await _writer.WriteAsync(db, county.Members);
            await _writer.WriteAsync(db, county.Residents);
            await tx.CommitAsync();
        }
        Console.WriteLine($"  bulk-loaded in {clock.Elapsed.TotalSeconds:F1} s");

        if (disputes > 0)
        {
            // As the demo seed puts them: each dispute's row, then its parties, timeline and follow-ups.
            clock.Restart();
            var cases = DemoDisputes.Build(county, disputes, disputesUntil);
            Console.WriteLine(
                $"  built {cases.Count:N0} disputes ({cases.Sum(d => d.Events.Count):N0} timeline events) "
                    + $"in {clock.Elapsed.TotalSeconds:F1} s"
            );
            clock.Restart();
            await using var db = NewContext();
            db.SuppressEntityAudit = true;
            await using var tx = await db.Database.BeginTransactionAsync();
            await _writer.WriteWithOwnedAsync(db, cases);
            await Lianxin.Core.Disputes.Figures.DisputeTallyRollup.RebuildAsync(db, _writer);
            await tx.CommitAsync();
            Console.WriteLine($"  inserted the disputes in {clock.Elapsed.TotalSeconds:F1} s");
        }

        clock.Restart();
        await using (var db = NewContext())
        {
            // Leave the database as it would be some time after such a load: on PostgreSQL autovacuum
            // would have vacuumed and analysed the table; on SQLite the WAL would have been checkpointed.
            if (_sqliteFile is null)
                await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE;");
            else
                await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }
        Console.WriteLine($"  {(_sqliteFile is null ? "vacuumed and analysed" : "checkpointed")} in {clock.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>Engine version and size on disk, for the report.</summary>
    public async Task<(string Version, long Bytes)> DescribeAsync(LianxinDbContext db)
    {
        if (_sqliteFile is not null)
        {
            var version = await ScalarAsync(db, "SELECT sqlite_version()");
            long bytes = 0;
            foreach (var suffix in new[] { "", "-wal" })
            {
                var f = new FileInfo(_sqliteFile + suffix);
                if (f.Exists)
                    bytes += f.Length;
            }
            return ($"SQLite {version}", bytes);
        }
        var pgVersion = await ScalarAsync(db, "SHOW server_version");
        var size = await ScalarAsync(db, "SELECT pg_database_size(current_database())");
        return ($"PostgreSQL {pgVersion}", Convert.ToInt64(size, System.Globalization.CultureInfo.InvariantCulture));
    }

    public static async Task<string> ScalarAsync(LianxinDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = sql;
            return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
