using Lianxin.Core.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lianxin.Core.Data;

/// <summary>What a bulk writer needs to insert rows of one entity type as EF would: the table, its
/// columns in the model, and each value converted to what the database stores. Taken from the EF model
/// so a renamed column or a new converter cannot make the bulk path store something different.</summary>
public sealed class BulkInsertPlan
{
    private BulkInsertPlan(string table, string? schema, string delimitedTable, IReadOnlyList<BulkColumn> columns)
    {
        Table = table;
        Schema = schema;
        DelimitedTable = delimitedTable;
        Columns = columns;
    }

    public string Table { get; }
    public string? Schema { get; }

    /// <summary>The table name quoted for the provider's SQL, with its schema if it has one.</summary>
    public string DelimitedTable { get; }

    public IReadOnlyList<BulkColumn> Columns { get; }

    /// <summary>The column names quoted and comma-separated, in the order of <see cref="Columns"/>.</summary>
    public string DelimitedColumnList { get; private init; } = "";

    public static BulkInsertPlan For<T>(LianxinDbContext db) where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var type = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity type of the model.");
        if (type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()) || type.GetComplexProperties().Any())
            throw new NotSupportedException($"{typeof(T).Name} has owned or complex types, which the bulk writer does not handle.");
        if (type.BaseType is not null || type.GetDirectlyDerivedTypes().Any())
            throw new NotSupportedException($"{typeof(T).Name} is part of an inheritance hierarchy, which the bulk writer does not handle.");
        var table = type.GetTableName()
            ?? throw new NotSupportedException($"{typeof(T).Name} is not mapped to a table.");
        var schema = type.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var sql = db.GetService<ISqlGenerationHelper>();

        var columns = new List<BulkColumn>();
        foreach (var property in type.GetProperties())
        {
            if (property.IsShadowProperty())
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name} is a shadow property, which the bulk writer cannot read.");
            // A key the database numbers itself (identity) is left to the database, as EF would.
            if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never && IsInteger(property.ClrType)) continue;
            var column = property.GetColumnName(store)
                ?? throw new NotSupportedException($"{typeof(T).Name}.{property.Name} has no column in {table}.");
            columns.Add(new BulkColumn(column, sql.DelimitIdentifier(column), property));
        }
        return new BulkInsertPlan(table, schema, sql.DelimitIdentifier(table, schema), columns)
        {
            DelimitedColumnList = string.Join(", ", columns.Select(c => c.DelimitedName)),
        };
    }

    /// <summary>Stamps rows as LianxinDbContext.SaveChangesAsync stamps added entities, since the bulk
    /// path does not go through it: creation time kept if given, update time now, version 1.</summary>
    public static void StampAdded<T>(IReadOnlyList<T> rows, DateTimeOffset now) where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (row is null) throw new ArgumentException("Rows must not contain null.", nameof(rows));
            if (row is not Entity e) continue;
            if (e.CreatedAt == default) e.CreatedAt = now;
            e.UpdatedAt = now;
            e.Version = 1;
        }
    }

    private static bool IsInteger(Type t)
    {
        var u = Nullable.GetUnderlyingType(t) ?? t;
        return u == typeof(int) || u == typeof(long) || u == typeof(short);
    }
}
