using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Core.Data;

/// <summary>Adds changes to a roll-up table (dispute or incident tallies) in place: one
/// INSERT … ON CONFLICT DO UPDATE per row that adds every non-key column to the stored one, the same
/// statement on SQLite and PostgreSQL, so two transactions adding to one row never lose each other's counts.
/// Values are converted and parameters typed by the EF model (<see cref="BulkInsertPlan"/>).</summary>
public static class RollupUpsert
{
    /// <summary>Runs inside the caller's transaction; give the rows in key order, so two transactions lock
    /// shared rows in the same order.</summary>
    public static async Task AddAsync<T>(LianxinDbContext db, IReadOnlyList<T> changes, IReadOnlyCollection<string> keyProperties,
        CancellationToken ct) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(keyProperties);
        if (changes.Count == 0) return;
        var plan = BulkInsertPlan.For<T>(db);
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException($"{typeof(T).Name} rows change only inside the transaction of the save they belong to.");
        var names = plan.Columns.Select((_, i) => "@p" + i).ToArray();
        var keyColumns = keyProperties.Select(k => plan.Columns.Single(c => c.Property.Name == k).DelimitedName);
        var sums = plan.Columns.Where(c => !keyProperties.Contains(c.Property.Name))
            .Select(c => $"{c.DelimitedName} = {plan.DelimitedTable}.{c.DelimitedName} + excluded.{c.DelimitedName}");
        command.CommandText = $"INSERT INTO {plan.DelimitedTable} ({plan.DelimitedColumnList}) VALUES ({string.Join(", ", names)}) "
            + $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO UPDATE SET {string.Join(", ", sums)}";
        var parameters = new DbParameter[plan.Columns.Count];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = plan.Columns[i].TypeMapping.CreateParameter(command, names[i], null, plan.Columns[i].Property.IsNullable);
            command.Parameters.Add(parameters[i]);
        }
        foreach (var change in changes)
        {
            for (var i = 0; i < parameters.Length; i++)
                parameters[i].Value = plan.Columns[i].ProviderValue(change) ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(ct);
        }
    }
}
