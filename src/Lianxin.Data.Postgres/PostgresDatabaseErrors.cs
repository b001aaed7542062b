using Lianxin.Core.Data;
using Npgsql;

namespace Lianxin.Data.Postgres;

/// <summary>PostgreSQL names each failure by its SQLSTATE; 23505 is unique_violation (a primary key too). A lock not
/// granted within lock_timeout (55P03) or a deadlock broken by the server (40P01) is a busy database, and so is a
/// command that ran out of its time waiting (Npgsql's timeout). A server that is shutting down or starting up (class 57P),
/// a broken or refused connection (class 08, or a socket error under Npgsql's exception) and a server out of connection
/// slots (53300) are an unavailable database.</summary>
public sealed class PostgresDatabaseErrors : IDatabaseErrors
{
    public const string UniqueViolation = "23505";
    public const string LockNotAvailable = "55P03";
    public const string DeadlockDetected = "40P01";

    public bool IsUniqueViolation(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
            if (error is PostgresException { SqlState: UniqueViolation })
                return true;
        return false;
    }

    public bool IsBusy(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
            if (
                error is DatabaseBusyException
                || error is PostgresException { SqlState: LockNotAvailable or DeadlockDetected }
                || error is NpgsqlException { InnerException: TimeoutException }
            )
                return true;
        return false;
    }

    public bool IsUnavailable(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
            switch (error)
            {
                case PostgresException p
                    when p.SqlState.StartsWith("57P", StringComparison.Ordinal)
                        || p.SqlState.StartsWith("08", StringComparison.Ordinal)
                        || p.SqlState == "53300":
                    return true;
                case PostgresException:
                    return false;
                case NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or EndOfStreamException }:
                    return true;
            }
        return false;
    }
}
