using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Core.Data;

/// <summary>Stores one row unless its key (or a unique value of it) is already stored: INSERT … ON CONFLICT DO
/// NOTHING, the same statement on SQLite and PostgreSQL. Two writers racing for one key get one true and one false,
/// without a failed command in between (which on PostgreSQL would also spoil the transaction it ran in).
/// Values are converted and parameters typed by the EF model (<see cref="BulkInsertPlan"/>).</summary>
public static class InsertIfAbsent
{
    /// <summary>True when <paramref name="row"/> was stored; runs in the caller's transaction if there is one.</summary>
    public static async Task<bool> RowAsync<T>(LianxinDbContext db, T row, CancellationToken ct)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(row);
        var plan = BulkInsertPlan.For<T>(db);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var names = new string[plan.Columns.Count];
            for (var i = 0; i < names.Length; i++)
            {
                var column = plan.Columns[i];
                names[i] = $"@p{i}";
                // Typed by the mapping, given the value already converted (the mapping would convert it again).
                var parameter = column.TypeMapping.CreateParameter(command, names[i], null, column.Property.IsNullable);
                parameter.Value = column.ProviderValue(row) ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }
            var values = string.Join(", ", names);
            command.CommandText =
                $"INSERT INTO {plan.DelimitedTable} ({plan.DelimitedColumnList}) VALUES ({values}) ON CONFLICT DO NOTHING";
            return await command.ExecuteNonQueryAsync(ct) == 1;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
