using Npgsql;

namespace Lianxin.Tests.Support;

public enum DbKind
{
    Sqlite,
    Postgres,
}

/// <summary>A throwaway database: a temp SQLite file, or a fresh database on the PostgreSQL server that
/// ./test.sh starts (LIANXIN_TEST_PG holds its connection string, without a database name).</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "LIANXIN_TEST_PG";
    public static string? PostgresServer => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } s ? s : null;

    public DbKind Kind { get; }
    public string ConnectionString { get; }
    private readonly string? _file;
    private readonly string? _dbName;

    private TestDatabase(DbKind kind, string cs, string? file, string? dbName)
    {
        Kind = kind;
        ConnectionString = cs;
        _file = file;
        _dbName = dbName;
    }

    public static TestDatabase Create(DbKind kind)
    {
        if (kind == DbKind.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"lianxin-test-{Guid.NewGuid():N}.db");
            return new TestDatabase(kind, $"Data Source={file}", file, null);
        }
        var server = PostgresServer
            ?? throw new InvalidOperationException($"{PostgresVariable} is not set: run the tests through ./test.sh");
        var name = $"lianxin_test_{Guid.NewGuid():N}";
        using (var conn = new NpgsqlConnection(server))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", conn);
            cmd.ExecuteNonQuery();
        }
        return new TestDatabase(kind, new NpgsqlConnectionStringBuilder(server) { Database = name }.ToString(), null, name);
    }

    /// <summary>A database someone else made and removes (a running cluster's): disposing it leaves it as it is.</summary>
    public static TestDatabase Attach(DbKind kind, string connectionString) => new(kind, connectionString, null, null);

    public async ValueTask DisposeAsync()
    {
        if (_file is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
                try
                {
                    File.Delete(f);
                }
                catch (IOException e)
                {
                    // Clean-up only: a file still held open stays in the temp folder; say so rather than hide it.
                    Console.Error.WriteLine($"Test database file left behind: {f} ({e.Message})");
                }
        }
        if (_dbName is not null && PostgresServer is { } server)
        {
            NpgsqlConnection.ClearAllPools();
            await using var conn = new NpgsqlConnection(server);
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_dbName}\" WITH (FORCE)", conn);
            await cmd.ExecuteNonQueryAsync();
        }
    }
}
