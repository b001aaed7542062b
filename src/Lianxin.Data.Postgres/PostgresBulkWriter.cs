using System.Text.RegularExpressions;
using Lianxin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Lianxin.Data.Postgres;

/// <summary>PostgreSQL's own bulk path: one binary COPY per call. Each value is written with the type
/// the model gives its column, so arrays, uuids, dates and timestamps land exactly as EF stores them.
/// COPY joins the caller's transaction if one is open, and is atomic on its own otherwise.</summary>
public sealed partial class PostgresBulkWriter : IBulkWriter
{
    public async Task WriteAsync(LianxinDbContext db, BulkInsertPlan plan, IReadOnlyList<object> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return;
        var types = plan.Columns.Select(c => DbTypeOf(c.StoreType)).ToArray();

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var importer = await connection.BeginBinaryImportAsync(
                $"COPY {plan.DelimitedTable} ({plan.DelimitedColumnList}) FROM STDIN (FORMAT BINARY)",
                ct
            );
            // The synchronous writes fill Npgsql's buffer and only touch the socket when it is full; an await per
            // value (twenty-odd per row, a million rows) costs more CPU than the copy itself on a small server.
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                importer.StartRow();
                for (var i = 0; i < types.Length; i++)
                {
                    var value = plan.Columns[i].ProviderValue(row);
                    if (value is null)
                        importer.WriteNull();
                    else if (types[i] is { } type)
                        importer.Write(Normalize(value), type);
                    else
                        importer.Write(value);
                }
            }
            await importer.CompleteAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>One indexed read of which keys are stored (<c>= ANY(@keys)</c>), then a binary COPY of the rest. A row
    /// another writer stores between the two fails the COPY on the unique index (and with it the caller's
    /// transaction), so nothing is ever doubled; the caller runs again.</summary>
    public async Task<IReadOnlyList<object>> WriteNewAsync(
        LianxinDbContext db,
        BulkInsertPlan plan,
        IReadOnlyList<object> rows,
        string keyProperty,
        CancellationToken ct = default
    )
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
            return [];
        var key = plan.Columns.FirstOrDefault(c => c.Property.Name == keyProperty)
            ?? throw new ArgumentException($"{keyProperty} is not a column of {plan.Table}.", nameof(keyProperty));
        var stored = new HashSet<object>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            await using var command = connection.CreateCommand();
            // One probe first: when nothing is stored between the smallest and the largest key (in the index's own order;
            // the next block of a file in number order, a new day's export), no key is, and the probe per key is skipped.
            command.CommandText =
                $"SELECT {key.DelimitedName} FROM {plan.DelimitedTable} WHERE EXISTS (SELECT 1 FROM {plan.DelimitedTable} "
                + $"WHERE {key.DelimitedName} BETWEEN (SELECT min(k) FROM unnest(@keys) k) AND (SELECT max(k) FROM unnest(@keys) k)) "
                + $"AND {key.DelimitedName} = ANY(@keys)";
            var values = Array.CreateInstance(rows.Select(key.ProviderValue).First(v => v is not null)!.GetType(), rows.Count);
            for (var i = 0; i < rows.Count; i++)
                values.SetValue(key.ProviderValue(rows[i]), i);
            command.Parameters.AddWithValue("keys", values);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                stored.Add(reader.GetValue(0));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        var fresh = stored.Count == 0 ? rows : rows.Where(r => key.ProviderValue(r) is not { } v || !stored.Contains(v)).ToList();
        await WriteAsync(db, plan, fresh, ct);
        return fresh;
    }

    /// <summary>timestamptz accepts only UTC offsets from Npgsql; the model's times are UTC already,
    /// this only guards against a caller's local time.</summary>
    private static object Normalize(object value) => value is DateTimeOffset t ? t.ToUniversalTime() : value;

    /// <summary>Maps the model's column type ("character varying(64)", "uuid[]", "timestamp with time
    /// zone") to the wire type; an unknown type is left to Npgsql to infer from the value.</summary>
    internal static NpgsqlDbType? DbTypeOf(string storeType)
    {
        var t = string.Join(' ', Facets().Replace(storeType.ToLowerInvariant(), "").Split(' ', StringSplitOptions.RemoveEmptyEntries));
        var array = t.EndsWith("[]", StringComparison.Ordinal);
        if (array)
            t = t[..^2].Trim();
        NpgsqlDbType? type = t switch
        {
            "uuid" => NpgsqlDbType.Uuid,
            "text" => NpgsqlDbType.Text,
            "character varying" or "varchar" => NpgsqlDbType.Varchar,
            "character" or "char" or "bpchar" => NpgsqlDbType.Char,
            "integer" or "int" or "int4" => NpgsqlDbType.Integer,
            "bigint" or "int8" => NpgsqlDbType.Bigint,
            "smallint" or "int2" => NpgsqlDbType.Smallint,
            "boolean" or "bool" => NpgsqlDbType.Boolean,
            "double precision" or "float8" => NpgsqlDbType.Double,
            "real" or "float4" => NpgsqlDbType.Real,
            "numeric" or "decimal" => NpgsqlDbType.Numeric,
            "bytea" => NpgsqlDbType.Bytea,
            "date" => NpgsqlDbType.Date,
            "timestamp with time zone" or "timestamptz" => NpgsqlDbType.TimestampTz,
            "timestamp without time zone" or "timestamp" => NpgsqlDbType.Timestamp,
            "interval" => NpgsqlDbType.Interval,
            "jsonb" => NpgsqlDbType.Jsonb,
            "json" => NpgsqlDbType.Json,
            _ => null,
        };
        return type is { } known && array ? NpgsqlDbType.Array | known : type;
    }

    [GeneratedRegex(@"\(\s*\d+(\s*,\s*\d+)?\s*\)")]
    private static partial Regex Facets();
}
