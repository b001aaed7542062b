using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lianxin.Core.Data;

/// <summary>One column of a <see cref="BulkInsertPlan"/>: reads the property from an entity and
/// converts it with the model's value converter (enums to numbers, lists to JSON or arrays, times to
/// ticks on SQLite), giving the value exactly as EF would send it.</summary>
public sealed class BulkColumn
{
    private readonly IClrPropertyGetter? _getter;
    private readonly ValueConverter? _converter;
    private readonly Func<object, object?>? _read;

    /// <summary>A column whose value is not a property of the row object itself, such as the owner's
    /// key on a row of an owned collection.</summary>
    internal BulkColumn(string name, string delimitedName, IProperty property, Func<object, object?> read)
        : this(name, delimitedName, property, read, true) { }

    internal BulkColumn(string name, string delimitedName, IProperty property)
        : this(name, delimitedName, property, null, false) { }

    private BulkColumn(string name, string delimitedName, IProperty property, Func<object, object?>? read, bool custom)
    {
        _read = read;
        Name = name;
        DelimitedName = delimitedName;
        Property = property;
        TypeMapping = property.GetRelationalTypeMapping();
        StoreType = property.GetColumnType();
        _getter = custom ? null : property.GetGetter();
        _converter = TypeMapping.Converter;
    }

    public string Name { get; }
    public string DelimitedName { get; }
    public IProperty Property { get; }
    public RelationalTypeMapping TypeMapping { get; }

    /// <summary>The database type as the model declares it, e.g. "uuid", "text[]", "INTEGER".</summary>
    public string StoreType { get; }

    /// <summary>The value to store, or null for SQL NULL.</summary>
    public object? ProviderValue(object entity)
    {
        var value = _read is null ? _getter!.GetClrValueUsingContainingEntity(entity) : _read(entity);
        if (value is null)
            return null;
        return _converter is null ? value : _converter.ConvertToProvider(value);
    }
}
