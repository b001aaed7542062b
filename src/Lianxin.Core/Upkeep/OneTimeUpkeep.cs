using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Lianxin.Core.Upkeep;

/// <summary>The shell of start-up upkeep that runs once per version of its rules: skipped when
/// <see cref="RollupState"/> holds the version under its name; otherwise run and the version recorded. Nodes starting
/// together take turns on PostgreSQL (a session advisory lock held through the run, so the second finds the version
/// recorded and does nothing); on SQLite one file has one writer, and a second process would find nothing left to do.
/// The work commits step by step, so it cannot run inside a transaction.</summary>
internal static class OneTimeUpkeep
{
    /// <summary>Runs <paramref name="work"/> unless <paramref name="version"/> is recorded; null when skipped.
    /// The work returns its result and the row count recorded with the version.</summary>
    public static async Task<T?> RunAsync<T>(
        LianxinDbContext db,
        string stateName,
        int version,
        long lockKey,
        Func<Task<(T Result, int Rows)>> work,
        CancellationToken ct
    )
        where T : class
    {
        if (db.Database.CurrentTransaction is not null)
            throw new InvalidOperationException($"Upkeep '{stateName}' commits step by step and cannot run inside a transaction.");
        if (await StoredVersionAsync(db, stateName, ct) == version)
            return null;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (db.IsPostgres)
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({lockKey})", ct);
            try
            {
                // Another node may have finished while this one waited for the lock.
                if (await StoredVersionAsync(db, stateName, ct) == version)
                    return null;
                var (result, rows) = await work();
                await RecordAsync(db, stateName, version, rows, ct);
                return result;
            }
            finally
            {
                if (db.IsPostgres)
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({lockKey})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public static Task<int?> StoredVersionAsync(LianxinDbContext db, string stateName, CancellationToken ct) =>
        db.RollupStates.AsNoTracking().Where(s => s.Name == stateName).Select(s => (int?)s.Version).FirstOrDefaultAsync(ct);

    private static async Task RecordAsync(LianxinDbContext db, string stateName, int version, int rows, CancellationToken ct)
    {
        var state = await db.RollupStates.FirstOrDefaultAsync(s => s.Name == stateName, ct);
        if (state is null)
            db.RollupStates.Add(state = new RollupState { Name = stateName });
        state.Version = version;
        state.BuiltAt = db.Now;
        state.Rows = rows;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (!db.IsPostgres)
        {
            // Two SQLite processes on one file both found the work undone; the other recorded the version first.
            db.ChangeTracker.Clear();
        }
    }
}
