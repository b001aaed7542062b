namespace Lianxin.Tests.Demo;

/// <summary>A fact that needs a PostgreSQL server: skipped, saying why, unless LIANXIN_TEST_PG holds
/// a connection string (without Database) to one.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public const string Variable = "LIANXIN_TEST_PG";

    public PostgresFactAttribute()
    {
        if (string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(Variable)))
            Skip = $"Set {Variable} to a PostgreSQL connection string without Database (e.g. Host=127.0.0.1;Port=5432;Username=postgres) to run this test.";
    }
}
