namespace Lianxin.Tests.Support;

/// <summary>A test that needs the Redis server ./test.sh starts (and PostgreSQL). Skipped only when run outside
/// ./test.sh without one; under CI (CI=true) a missing server fails loudly instead.</summary>
public sealed class RedisFactAttribute : FactAttribute
{
    public const string Variable = "LIANXIN_TEST_REDIS";

    public static string? Server => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    public RedisFactAttribute()
    {
        if ((Server is null || TestDatabase.PostgresServer is null) && Environment.GetEnvironmentVariable("CI") != "true")
            Skip = $"{Variable} or {TestDatabase.PostgresVariable} is not set; run ./test.sh to include Redis";
    }
}
