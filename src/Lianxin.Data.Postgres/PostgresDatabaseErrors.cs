using Lianxin.Core.Data;
using Npgsql;

namespace Lianxin.Data.Postgres;

/// <summary>PostgreSQL names each failure by its SQLSTATE; 23505 is unique_violation (a primary key too).</summary>
public sealed class PostgresDatabaseErrors : IDatabaseErrors
{
    public const string UniqueViolation = "23505";

    public bool IsUniqueViolation(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
            if (error is PostgresException { SqlState: UniqueViolation })
                return true;
        return false;
    }
}
