using Lianxin.Core.Data;
using Lianxin.Core.Upkeep;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Web.Hosting;

/// <summary>Chooses the provider from configuration; each provider brings its own migrations.</summary>
public static class DatabaseSetup
{
    public static DatabaseProvider Provider(IConfiguration config) =>
        Enum.TryParse<DatabaseProvider>(config["Database:Provider"], ignoreCase: true, out var p)
            ? p
            : throw new InvalidOperationException("Database:Provider must be Sqlite or Postgres.");

    public static string ConnectionString(IConfiguration config, string contentRoot)
    {
        var cs = config.GetConnectionString("Lianxin") ?? throw new InvalidOperationException("ConnectionStrings:Lianxin is not set.");
        if (Provider(config) != DatabaseProvider.Sqlite)
            return cs;
        // A relative SQLite path is taken from the app's folder, and its folder is made on first run.
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(cs);
        if (builder.DataSource != ":memory:" && !Path.IsPathRooted(builder.DataSource))
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        if (Path.GetDirectoryName(builder.DataSource) is { Length: > 0 } dir)
            Directory.CreateDirectory(dir);
        if (builder.DefaultTimeout < 30)
            builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    /// <summary>How long a write waits for SQLite's write lock held by another (an import) before it is turned away
    /// with 503: <c>Database:WriteWaitSeconds</c>, 15 unless set (1 to 600).</summary>
    public static TimeSpan WriteWait(IConfiguration config)
    {
        var seconds = config.GetValue<int?>("Database:WriteWaitSeconds") ?? 15;
        if (seconds is < 1 or > 600)
            throw new InvalidOperationException("Database:WriteWaitSeconds must be between 1 and 600.");
        return TimeSpan.FromSeconds(seconds);
    }

    public static void Configure(
        DbContextOptionsBuilder options,
        DatabaseProvider provider,
        string connectionString,
        Lianxin.Data.Sqlite.SqliteWriteGate? writeGate = null
    )
    {
        // A dispute carries three owned collections (parties, timeline, follow-ups), an agreement and a session theirs,
        // and every query of them loads them all: joined in one statement they multiply into rows parties × events ×
        // visits (EF's MultipleCollectionIncludeWarning). Each collection is read by its own statement instead.
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, o =>
                    o.MigrationsAssembly("Lianxin.Data.Sqlite").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                );
                // Writers queue in the process for the file's single write lock, each for a bounded time (503 after).
                if (writeGate is not null)
                    options.AddInterceptors(writeGate);
                break;
            case DatabaseProvider.Postgres:
                options.UseNpgsql(connectionString, o =>
                    o.MigrationsAssembly("Lianxin.Data.Postgres").UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery)
                );
                break;
        }
    }

    /// <summary>Migrates, then rebuilds any roll-up whose rules are newer than its rows (a database that
    /// held disputes before their tallies existed gets them here), and recomputes the stored address keys
    /// when the normaliser's rules changed since they were made.</summary>
    public static async Task MigrateAsync(
        LianxinDbContext db,
        IBulkWriter writer,
        Core.Common.AddressNormalizer addresses,
        ILogger? log = null,
        CancellationToken ct = default
    )
    {
        await db.Database.MigrateAsync(ct);
        if (!db.IsPostgres)
        {
            // WAL lets readers go on while one writer commits; it is a property of the file, set once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        }
        await Core.Disputes.Figures.DisputeTallyRollup.EnsureCurrentAsync(db, writer, ct);
        await Core.Incidents.Statistics.IncidentTallyRollup.EnsureCurrentAsync(db, writer, ct);
        await AddressKeyRekey.EnsureCurrentAsync(db, addresses, log, ct: ct);
        await RepeatGroupUpkeep.EnsureCurrentAsync(db, log, ct);
    }
}
