namespace Lianxin.Core.Data;

/// <summary>What a failed database command means, as the provider in use reports it. Two writers racing to store
/// the same thing (a 110 number, a like) end in a unique violation, which callers answer by re-reading or running
/// again; every other failure (a foreign key, a timeout, a lost connection) must not be mistaken for it.</summary>
public interface IDatabaseErrors
{
    /// <summary>True when <paramref name="error"/>, or any exception it wraps (EF's <c>DbUpdateException</c>, an
    /// execution strategy's retry exception), is the database refusing a row that a unique index or primary key
    /// already holds.</summary>
    bool IsUniqueViolation(Exception? error);

    /// <summary>True when <paramref name="error"/>, or any exception it wraps, is the database too busy to take the
    /// write now (another writer held the lock past the wait): nothing was written, and the same request sent again
    /// later can succeed. The API answers it with 503 and <c>Retry-After</c>.</summary>
    bool IsBusy(Exception? error);

    /// <summary>True when <paramref name="error"/>, or any exception it wraps, is the database out of reach: the
    /// server is down, restarting or refusing connections. Nothing was written; the API answers 503 with
    /// <c>Retry-After</c> at once, and the node recovers by itself when the server is back.</summary>
    bool IsUnavailable(Exception? error) => false;
}
