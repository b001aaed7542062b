using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Core.Data;

/// <summary>Adds changes to a roll-up table (dispute or incident tallies) in place: INSERT … ON CONFLICT DO
/// UPDATE adding every non-key column to the stored one, the same statement on SQLite and PostgreSQL, so two
/// transactions adding to one row never lose each other's counts.
/// Values are converted and parameters typed by the EF model (<see cref="BulkInsertPlan"/>).</summary>
public static class RollupUpsert
{
    /// <summary>Runs inside the caller's transaction; give the rows in key order, so two transactions lock
    /// shared rows in the same order.</summary>
    public static async Task AddAsync<T>(
        LianxinDbContext db,
        IReadOnlyList<T> changes,
        IReadOnlyCollection<string> keyProperties,
        CancellationToken ct
    )
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(keyProperties);
        if (changes.Count == 0)
            return;
        var plan = BulkInsertPlan.For<T>(db);
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"{typeof(T).Name} rows change only inside the transaction of the save they belong to.");
        var keyColumns = keyProperties.Select(k => plan.Columns.Single(c => c.Property.Name == k)).ToList();
        var sums = plan
            .Columns.Where(c => !keyProperties.Contains(c.Property.Name))
            .Select(c => $"{c.DelimitedName} = {plan.DelimitedTable}.{c.DelimitedName} + excluded.{c.DelimitedName}");
        var conflict =
            $" ON CONFLICT ({string.Join(", ", keyColumns.Select(c => c.DelimitedName))}) DO UPDATE SET {string.Join(", ", sums)}";
        // SQLite runs in the process, so one prepared statement per row costs nothing more. On PostgreSQL each
        // statement is a round trip: rows go several to a statement, each key at most once per statement (a
        // statement may not update one row twice).
        var perStatement = db.IsPostgres ? Math.Max(1, Math.Min(500, 30_000 / plan.Columns.Count)) : 1;
        DbCommand? command = null;
        var statementRows = 0;
        try
        {
            var batch = new List<T>(perStatement);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            foreach (var change in changes)
            {
                var key = string.Join(
                    "\u001f",
                    keyColumns.Select(c => Convert.ToString(c.ProviderValue(change), System.Globalization.CultureInfo.InvariantCulture))
                );
                if (batch.Count == perStatement || !keys.Add(key))
                {
                    await FlushAsync();
                    keys.Clear();
                    keys.Add(key);
                }
                batch.Add(change);
            }
            await FlushAsync();

            async Task FlushAsync()
            {
                if (batch.Count == 0)
                    return;
                if (command is null || statementRows != batch.Count)
                {
                    if (command is not null)
                        await command.DisposeAsync();
                    command = db.Database.GetDbConnection().CreateCommand();
                    command.Transaction = transaction;
                    var values = new List<string>(batch.Count);
                    for (var r = 0; r < batch.Count; r++)
                    {
                        var names = plan.Columns.Select((_, i) => $"@p{r}_{i}").ToArray();
                        values.Add("(" + string.Join(", ", names) + ")");
                        for (var i = 0; i < names.Length; i++)
                            command.Parameters.Add(
                                plan.Columns[i].TypeMapping.CreateParameter(command, names[i], null, plan.Columns[i].Property.IsNullable)
                            );
                    }
                    command.CommandText =
                        $"INSERT INTO {plan.DelimitedTable} ({plan.DelimitedColumnList}) VALUES {string.Join(", ", values)}{conflict}";
                    statementRows = batch.Count;
                }
                var n = plan.Columns.Count;
                for (var r = 0; r < batch.Count; r++)
                for (var i = 0; i < n; i++)
                    command.Parameters[r * n + i].Value = plan.Columns[i].ProviderValue(batch[r]) ?? DBNull.Value;
                await command.ExecuteNonQueryAsync(ct);
                batch.Clear();
            }
        }
        finally
        {
            if (command is not null)
                await command.DisposeAsync();
        }
    }
}
