using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Data;

/// <summary>Rebuilds a roll-up table from its source, replacing what is stored, and records the rules' version
/// in <see cref="RollupState"/>, all in one transaction (the caller's, or its own). Nodes starting together take
/// turns (a lock on PostgreSQL, the single writer on SQLite); the later one finds the work done.</summary>
public static class RollupRebuild
{
    /// <summary>Returns whether it rebuilt: with <paramref name="onlyIfStale"/> it does nothing when the stored
    /// rows were built by <paramref name="version"/>. <paramref name="compute"/> reads the source and returns
    /// the rows to store, in key order.</summary>
    public static async Task<bool> RunAsync<T>(
        LianxinDbContext db,
        IBulkWriter writer,
        string name,
        int version,
        long lockKey,
        bool onlyIfStale,
        Func<CancellationToken, Task<IReadOnlyList<T>>> compute,
        CancellationToken ct
    )
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(compute);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (db.IsPostgres)
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({lockKey})", ct);
            var state = await db.RollupStates.FirstOrDefaultAsync(s => s.Name == name, ct);
            if (onlyIfStale && state?.Version == version)
                return false;
            await db.Set<T>().ExecuteDeleteAsync(ct);
            var rows = await compute(ct);
            await writer.WriteAsync(db, rows, ct);
            if (state is null)
                db.RollupStates.Add(state = new RollupState { Name = name });
            state.Version = version;
            state.BuiltAt = db.Now;
            state.Rows = rows.Count;
            await db.SaveChangesAsync(ct);
            if (own is not null)
                await own.CommitAsync(ct);
            return true;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }
}
