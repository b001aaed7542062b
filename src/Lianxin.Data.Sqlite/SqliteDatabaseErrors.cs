using Lianxin.Core.Data;
using Microsoft.Data.Sqlite;

namespace Lianxin.Data.Sqlite;

/// <summary>SQLite reports every constraint as SQLITE_CONSTRAINT (19); the extended code tells which:
/// SQLITE_CONSTRAINT_UNIQUE (2067) for a unique index, SQLITE_CONSTRAINT_PRIMARYKEY (1555) for a primary key.
/// A foreign key (787), NOT NULL (1299) or CHECK (275) is another kind of refusal. SQLITE_BUSY (5) and SQLITE_LOCKED (6),
/// with their extended codes, are another writer holding the file past the busy timeout.</summary>
public sealed class SqliteDatabaseErrors : IDatabaseErrors
{
    private const int Constraint = 19;
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;
    private const int Busy = 5;
    private const int Locked = 6;

    public bool IsUniqueViolation(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is SqliteException { SqliteErrorCode: Constraint, SqliteExtendedErrorCode: ConstraintUnique or ConstraintPrimaryKey })
                return true;
        }
        return false;
    }

    public bool IsBusy(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is DatabaseBusyException or SqliteException { SqliteErrorCode: Busy or Locked })
                return true;
        }
        return false;
    }
}
