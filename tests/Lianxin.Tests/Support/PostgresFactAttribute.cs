namespace Lianxin.Tests.Support;

/// <summary>A test that needs the PostgreSQL server ./test.sh starts. Skipped only when run outside
/// ./test.sh without a server; under CI (CI=true) a missing server fails loudly instead.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.PostgresServer is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"{TestDatabase.PostgresVariable} is not set; run ./test.sh to include PostgreSQL";
    }
}

public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute()
    {
        if (TestDatabase.PostgresServer is null && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"{TestDatabase.PostgresVariable} is not set; run ./test.sh to include PostgreSQL";
    }
}
