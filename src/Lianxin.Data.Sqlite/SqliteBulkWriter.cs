using System.Data.Common;
using Lianxin.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Data.Sqlite;

/// <summary>SQLite has no bulk-load command; the fast path is one prepared INSERT re-run per row
/// inside a single transaction, which avoids a journal sync per row.</summary>
public sealed class SqliteBulkWriter : IBulkWriter
{
    public Task WriteAsync(LianxinDbContext db, BulkInsertPlan plan, IReadOnlyList<object> rows, CancellationToken ct = default) =>
        InsertAsync(db, plan, rows, null, ct);

    /// <summary>One prepared <c>INSERT … ON CONFLICT (key) DO NOTHING</c> per row: the changed-row count says whether
    /// it was new, so no look-up is needed. Inside the caller's transaction SQLite's write lock keeps other
    /// writers out, so what is skipped is exactly what was stored before.</summary>
    public async Task<IReadOnlyList<object>> WriteNewAsync(
        LianxinDbContext db,
        BulkInsertPlan plan,
        IReadOnlyList<object> rows,
        string keyProperty,
        CancellationToken ct = default
    )
    {
        ArgumentNullException.ThrowIfNull(plan);
        var key = plan.Columns.FirstOrDefault(c => c.Property.Name == keyProperty)
            ?? throw new ArgumentException($"{keyProperty} is not a column of {plan.Table}.", nameof(keyProperty));
        var written = new List<object>(rows?.Count ?? 0);
        await InsertAsync(db, plan, rows!, (key, written), ct);
        return written;
    }

    private static async Task InsertAsync(
        LianxinDbContext db,
        BulkInsertPlan plan,
        IReadOnlyList<object> rows,
        (Lianxin.Core.Data.BulkColumn Key, List<object> Written)? onlyNew,
        CancellationToken ct
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return;

        // Join the caller's transaction if there is one, so their other writes commit or fail with these.
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            command.Transaction = (SqliteTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
            var names = plan.Columns.Select((_, i) => "$p" + i).ToArray();
            command.CommandText =
                $"INSERT INTO {plan.DelimitedTable} ({plan.DelimitedColumnList}) VALUES ({string.Join(", ", names)})"
                + (onlyNew is { } o ? $" ON CONFLICT ({o.Key.DelimitedName}) DO NOTHING" : "");
            // The type mapping configures each parameter as EF does (e.g. Guid bound as TEXT, not BLOB).
            var parameters = new DbParameter[plan.Columns.Count];
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i] = plan.Columns[i].TypeMapping.CreateParameter(command, names[i], null, plan.Columns[i].Property.IsNullable);
                command.Parameters.Add(parameters[i]);
            }
            command.Prepare();
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                for (var i = 0; i < parameters.Length; i++)
                    parameters[i].Value = plan.Columns[i].ProviderValue(row) ?? DBNull.Value;
                // Microsoft.Data.Sqlite runs synchronously anyway; the async call would only add overhead per row.
                var changed = command.ExecuteNonQuery();
                if (changed == 1)
                    onlyNew?.Written.Add(row);
            }
            if (own is not null)
                await own.CommitAsync(ct);
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }
}
