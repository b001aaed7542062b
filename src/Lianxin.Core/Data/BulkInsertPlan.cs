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

    public static BulkInsertPlan For<T>(LianxinDbContext db)
        where T : class => For<T>(db, withOwned: false);

    /// <summary>The plan for the owner's own table; with <paramref name="withOwned"/> its owned
    /// collections are left to <see cref="ForOwned"/> plans instead of being refused.</summary>
    public static BulkInsertPlan For<T>(LianxinDbContext db, bool withOwned)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var type = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity type of the model.");
        var owned = type.GetNavigations().Where(n => n.TargetEntityType.IsOwned()).ToList();
        if ((owned.Count > 0 && !(withOwned && owned.All(n => n.IsCollection))) || type.GetComplexProperties().Any())
            throw new NotSupportedException($"{typeof(T).Name} has owned or complex types, which the bulk writer does not handle.");
        if (type.BaseType is not null || type.GetDirectlyDerivedTypes().Any())
            throw new NotSupportedException(
                $"{typeof(T).Name} is part of an inheritance hierarchy, which the bulk writer does not handle."
            );
        var table = type.GetTableName() ?? throw new NotSupportedException($"{typeof(T).Name} is not mapped to a table.");
        var schema = type.GetSchema();
        var store = StoreObjectIdentifier.Table(table, schema);
        var sql = db.GetService<ISqlGenerationHelper>();

        var columns = new List<BulkColumn>();
        foreach (var property in type.GetProperties())
        {
            if (property.IsShadowProperty())
                throw new NotSupportedException(
                    $"{typeof(T).Name}.{property.Name} is a shadow property, which the bulk writer cannot read."
                );
            // A key the database numbers itself (identity) is left to the database, as EF would.
            if (property.IsPrimaryKey() && property.ValueGenerated != ValueGenerated.Never && IsInteger(property.ClrType))
                continue;
            var column = property.GetColumnName(store)
                ?? throw new NotSupportedException($"{typeof(T).Name}.{property.Name} has no column in {table}.");
            columns.Add(new BulkColumn(column, sql.DelimitIdentifier(column), property));
        }
        return new BulkInsertPlan(table, schema, sql.DelimitIdentifier(table, schema), columns)
        {
            DelimitedColumnList = string.Join(", ", columns.Select(c => c.DelimitedName)),
        };
    }

    /// <summary>The owned collections of <typeparamref name="T"/> (e.g. a dispute's timeline), each as
    /// a plan over <see cref="OwnedRow"/> rows: the item's own columns, and the owner's key for the
    /// foreign key EF keeps as a shadow property.</summary>
    public static IReadOnlyList<(INavigation Navigation, BulkInsertPlan Plan)> ForOwned<T>(LianxinDbContext db)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(db);
        var owner = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not an entity type of the model.");
        var ownerKey = owner.FindPrimaryKey()!.Properties.Single().GetGetter();
        var sql = db.GetService<ISqlGenerationHelper>();
        var plans = new List<(INavigation, BulkInsertPlan)>();
        foreach (var navigation in owner.GetNavigations().Where(n => n.TargetEntityType.IsOwned() && n.IsCollection))
        {
            var type = navigation.TargetEntityType;
            var table = type.GetTableName() ?? throw new NotSupportedException($"{type.DisplayName()} is not mapped to a table.");
            var schema = type.GetSchema();
            var store = StoreObjectIdentifier.Table(table, schema);
            var foreignKey = navigation.ForeignKey.Properties.Single();
            if (type.GetNavigations().Any(n => n.TargetEntityType.IsOwned()))
                throw new NotSupportedException($"{type.DisplayName()} owns further types, which the bulk writer does not handle.");
            var columns = new List<BulkColumn>();
            foreach (var property in type.GetProperties())
            {
                var column = property.GetColumnName(store)
                    ?? throw new NotSupportedException($"{type.DisplayName()}.{property.Name} has no column in {table}.");
                if (property == foreignKey)
                    columns.Add(
                        new BulkColumn(column, sql.DelimitIdentifier(column), property, r => ownerKey.GetClrValue(((OwnedRow)r).Owner))
                    );
                else if (property.IsShadowProperty())
                    throw new NotSupportedException(
                        $"{type.DisplayName()}.{property.Name} is a shadow property, which the bulk writer cannot read."
                    );
                else
                {
                    var getter = property.GetGetter();
                    columns.Add(
                        new BulkColumn(column, sql.DelimitIdentifier(column), property, r => getter.GetClrValue(((OwnedRow)r).Item))
                    );
                }
            }
            plans.Add(
                (
                    navigation,
                    new BulkInsertPlan(table, schema, sql.DelimitIdentifier(table, schema), columns)
                    {
                        DelimitedColumnList = string.Join(", ", columns.Select(c => c.DelimitedName)),
                    }
                )
            );
        }
        return plans;
    }

    /// <summary>Stamps rows as LianxinDbContext.SaveChangesAsync stamps added entities, since the bulk
    /// path does not go through it: creation time kept if given, update time now, version 1.</summary>
    public static void StampAdded<T>(IReadOnlyList<T> rows, DateTimeOffset now)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            if (row is null)
                throw new ArgumentException("Rows must not contain null.", nameof(rows));
            if (row is not Entity e)
                continue;
            if (e.CreatedAt == default)
                e.CreatedAt = now;
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
