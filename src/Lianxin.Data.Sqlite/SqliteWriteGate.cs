using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Lianxin.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lianxin.Data.Sqlite;

/// <summary>SQLite lets one transaction write a file at a time, and every transaction here begins with
/// <c>BEGIN IMMEDIATE</c>, taking the file's write lock at once. This gate is that lock as the process sees it: an
/// async lock per database file, taken before <c>BEGIN IMMEDIATE</c> and given back when the transaction commits,
/// rolls back or its connection closes. A writer queued behind a long one (an import holds the lock for its whole
/// run) waits without holding a thread, for at most the configured time (<c>Database:WriteWaitSeconds</c>), and then
/// gets <see cref="DatabaseBusyException"/> (503), never SQLite's "database is locked". Lock order, everywhere: this
/// gate, then the file's write lock, then (inside the transaction) the audit chain's next number, which needs no lock
/// of its own on SQLite because the write lock already serialises it.</summary>
public sealed class SqliteWriteGate(TimeSpan wait) : DbTransactionInterceptor, IDbConnectionInterceptor
{
    /// <summary>How long a writer turned away is asked to wait before trying again.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(10);

    // Per file, for the whole process: two hosts (or contexts) on one file must queue on the same gate.
    private static readonly ConcurrentDictionary<string, Gate> Gates = new(StringComparer.Ordinal);

    // Keyed by the transaction (committed or rolled back) and by its connection (closed): whichever ends first gives the
    // gate back, once.
    private static readonly ConditionalWeakTable<object, Held> Holding = [];

    public TimeSpan Wait => wait;

    private sealed class Gate
    {
        public SemaphoreSlim Lock { get; } = new(1, 1);

        /// <summary>What the transaction holding the gate is doing, for the message a waiter gets.</summary>
        public volatile string? Activity;
    }

    private sealed class Held(Gate gate)
    {
        private int _released;

        public void Release()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Activity = null;
                gate.Lock.Release();
            }
        }
    }

    public override InterceptionResult<DbTransaction> TransactionStarting(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result
    )
    {
        if (GateOf(connection) is not { } gate)
            return result;
        if (!gate.Lock.Wait(WaitOf(eventData)))
            throw Busy(gate);
        return InterceptionResult<DbTransaction>.SuppressWithResult(Begin(connection, eventData, gate));
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(
        DbConnection connection,
        TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result,
        CancellationToken cancellationToken = default
    )
    {
        if (GateOf(connection) is not { } gate)
            return result;
        if (!await gate.Lock.WaitAsync(WaitOf(eventData), cancellationToken))
            throw Busy(gate);
        return InterceptionResult<DbTransaction>.SuppressWithResult(Begin(connection, eventData, gate));
    }

    private TimeSpan WaitOf(TransactionStartingEventData eventData) => (eventData.Context as LianxinDbContext)?.WriteWait ?? wait;

    /// <summary>BEGIN IMMEDIATE under the gate; the gate is given back at once if it fails (another process holds the
    /// file past the busy timeout, which then reads as a busy database too).</summary>
    private static SqliteTransaction Begin(DbConnection connection, TransactionStartingEventData eventData, Gate gate)
    {
        var held = new Held(gate);
        try
        {
            var transaction = ((SqliteConnection)connection).BeginTransaction(eventData.IsolationLevel, deferred: false);
            gate.Activity = (eventData.Context as LianxinDbContext)?.WriteActivity;
            Holding.AddOrUpdate(transaction, held);
            Holding.AddOrUpdate(connection, held);
            return transaction;
        }
        catch
        {
            held.Release();
            throw;
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public override Task TransactionCommittedAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction);

    public override Task TransactionRolledBackAsync(
        DbTransaction transaction,
        TransactionEndEventData eventData,
        CancellationToken cancellationToken = default
    )
    {
        Release(transaction);
        return Task.CompletedTask;
    }

    // A transaction disposed without commit or rollback (an exception on the way) is rolled back by SQLite; the gate is
    // given back when its connection closes, which EF does right after for a connection it opened, and at the latest
    // when the context is disposed.
    InterceptionResult IDbConnectionInterceptor.ConnectionClosing(
        DbConnection connection,
        ConnectionEventData eventData,
        InterceptionResult result
    )
    {
        Release(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionClosingAsync(
        DbConnection connection,
        ConnectionEventData eventData,
        InterceptionResult result
    )
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionDisposing(
        DbConnection connection,
        ConnectionEventData eventData,
        InterceptionResult result
    )
    {
        Release(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionDisposingAsync(
        DbConnection connection,
        ConnectionEventData eventData,
        InterceptionResult result
    )
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    private static void Release(object key)
    {
        if (Holding.TryGetValue(key, out var held))
        {
            Holding.Remove(key);
            held.Release();
        }
    }

    /// <summary>The gate of the connection's file; none for an in-memory database (each connection its own).</summary>
    private static Gate? GateOf(DbConnection connection)
    {
        if (connection is not SqliteConnection sqlite || sqlite.DataSource is not { Length: > 0 } file || file == ":memory:")
            return null;
        return Gates.GetOrAdd(Path.GetFullPath(file), _ => new Gate());
    }

    private static DatabaseBusyException Busy(Gate gate) => new(DatabaseBusyException.MessageFor(gate.Activity), RetryAfter);
}
