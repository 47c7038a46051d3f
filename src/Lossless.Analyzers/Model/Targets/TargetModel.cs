using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace Lossless.Analyzers.Model.Targets;

/// <summary>The tables, keys and foreign keys of a migration's target model (its .Designer.cs BuildTargetModel).</summary>
public sealed class TargetModel
{
    private readonly DesignerModel? _designer;
    private readonly ImmutableArray<TargetTable> _tables;
    private readonly ImmutableArray<TargetForeignKey> _foreignKeys;
    private int? _maxIdentifierLength;

    internal TargetModel(ImmutableArray<TargetTable> tables, ImmutableArray<TargetForeignKey> foreignKeys)
    {
        _tables = tables;
        _foreignKeys = foreignKeys;
    }

    /// <summary>A model read from its Designer as far as it is asked: <see cref="FindTable"/> reads one table, the rest all.</summary>
    internal TargetModel(DesignerModel designer) => _designer = designer;

    public ImmutableArray<TargetTable> Tables => _designer?.Full.Tables ?? _tables;

    public ImmutableArray<TargetForeignKey> ForeignKeys => _designer?.Full.ForeignKeys ?? _foreignKeys;

    /// <summary>The model's HasAnnotation("Relational:MaxIdentifierLength", n): the limit EF cut default names to; null when not written.</summary>
    public int? MaxIdentifierLength
    {
        get => _designer is null ? _maxIdentifierLength : _designer.MaxIdentifierLength;
        internal set => _maxIdentifierLength = value;
    }

    /// <summary>
    /// The foreign keys whose dependent table is <paramref name="table"/> (schemas matched as <see cref="ColumnRef.SchemasMatch"/>
    /// does), in the model's order: from a Designer, only that table's relationships are resolved unless all keys were read.
    /// </summary>
    public ImmutableArray<TargetForeignKey> ForeignKeysFrom(string? schema, string table)
    {
        if (_designer is not null)
        {
            return _designer.ForeignKeysFrom(schema, table);
        }

        var result = ImmutableArray.CreateBuilder<TargetForeignKey>();
        foreach (var foreignKey in _foreignKeys)
        {
            if (string.Equals(foreignKey.Dependent.Name, table, StringComparison.Ordinal) && ColumnRef.SchemasMatch(foreignKey.Dependent.Schema, schema))
            {
                result.Add(foreignKey);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>
    /// Whether <see cref="FindTable"/> finds a table, and the schema of the one it finds, without reading the table's
    /// columns: from a Designer, only its table scan is read.
    /// </summary>
    internal bool FindsTable(string? schema, string table, out string? foundSchema)
    {
        if (_designer is not null)
        {
            return _designer.FindsTable(schema, table, out foundSchema);
        }

        var found = FindTable(schema, table);
        foundSchema = found?.Schema;
        return found is not null;
    }

    /// <summary>
    /// <see cref="FindTable"/>(…)?.<see cref="TargetTable.FindColumn"/>(…): from a Designer, only that column's statements
    /// are read when they can be told apart.
    /// </summary>
    public TargetColumn? FindColumn(string? schema, string table, string column)
        => _designer is not null ? _designer.FindColumn(schema, table, column) : FindTable(schema, table)?.FindColumn(column);

    /// <summary>The first table of that name and schema in the model's order, or null.</summary>
    public TargetTable? FindTable(string? schema, string table)
    {
        if (_designer is not null)
        {
            return _designer.FindTable(schema, table);
        }

        foreach (var candidate in _tables)
        {
            if (string.Equals(candidate.Name, table, StringComparison.Ordinal) && ColumnRef.SchemasMatch(candidate.Schema, schema))
            {
                return candidate;
            }
        }

        return null;
    }
}

/// <summary>
/// Only the keys of a target model: each table's primary key and the foreign keys, by column names. What the key
/// rules need, read without the columns' facets (<see cref="TargetModelReader.ReadKeys(Microsoft.CodeAnalysis.INamedTypeSymbol, System.Threading.CancellationToken)"/>).
/// </summary>
public sealed class TargetKeys
{
    private readonly DesignerModel? _designer;
    private readonly ImmutableArray<TargetPrimaryKey> _primaryKeys;
    private readonly ImmutableArray<TargetForeignKey> _foreignKeys;

    internal TargetKeys(ImmutableArray<TargetPrimaryKey> primaryKeys, ImmutableArray<TargetForeignKey> foreignKeys)
    {
        _primaryKeys = primaryKeys;
        _foreignKeys = foreignKeys;
    }

    /// <summary>Keys read from their Designer as far as they are asked: <see cref="FindPrimaryKey"/> reads one table, the rest all keys.</summary>
    internal TargetKeys(DesignerModel designer) => _designer = designer;

    /// <summary>One entry per table, in the model's order; a keyless table has an empty column list.</summary>
    public ImmutableArray<TargetPrimaryKey> PrimaryKeys => _designer?.FullKeys.PrimaryKeys ?? _primaryKeys;

    public ImmutableArray<TargetForeignKey> ForeignKeys => _designer?.FullKeys.ForeignKeys ?? _foreignKeys;

    /// <summary>The primary-key column names of a table, in key order; empty when the table is keyless or not in the model.</summary>
    public ImmutableArray<string> FindPrimaryKey(string? schema, string table)
    {
        if (_designer is not null)
        {
            return _designer.FindPrimaryKey(schema, table);
        }

        foreach (var key in _primaryKeys)
        {
            if (string.Equals(key.Table.Name, table, StringComparison.Ordinal) && ColumnRef.SchemasMatch(key.Table.Schema, schema))
            {
                return key.Columns;
            }
        }

        return ImmutableArray<string>.Empty;
    }

    /// <summary>The keys of a model already read in full.</summary>
    public static TargetKeys From(TargetModel model)
    {
        var primaryKeys = ImmutableArray.CreateBuilder<TargetPrimaryKey>(model.Tables.Length);
        foreach (var table in model.Tables)
        {
            primaryKeys.Add(new TargetPrimaryKey(new ColumnRefTable(table.Schema, table.Name), table.PrimaryKey));
        }

        return new TargetKeys(primaryKeys.MoveToImmutable(), model.ForeignKeys);
    }
}

/// <summary>A table and its primary-key column names, in key order.</summary>
public readonly struct TargetPrimaryKey
{
    public TargetPrimaryKey(ColumnRefTable table, ImmutableArray<string> columns)
    {
        Table = table;
        Columns = columns;
    }

    public ColumnRefTable Table { get; }

    public ImmutableArray<string> Columns { get; }
}

/// <summary>A table of the target model, with its columns (by name) and primary key.</summary>
public sealed class TargetTable
{
    internal TargetTable(string? schema, string name, ImmutableArray<TargetColumn> columns, ImmutableArray<string> primaryKey)
    {
        Schema = schema;
        Name = name;
        Columns = columns;
        PrimaryKey = primaryKey;
    }

    public string? Schema { get; }

    public string Name { get; }

    public ImmutableArray<TargetColumn> Columns { get; }

    /// <summary>Primary-key column names, in key order; empty for a keyless table.</summary>
    public ImmutableArray<string> PrimaryKey { get; }

    /// <summary>The primary key's constraint name: HasName("…"), or EF Core's default PK_table.</summary>
    public string? PrimaryKeyName { get; internal set; }

    /// <summary>The table's indexes (HasIndex), with their database names.</summary>
    public ImmutableArray<TargetIndex> Indexes { get; internal set; } = ImmutableArray<TargetIndex>.Empty;

    /// <summary>The table's alternate keys (HasAlternateKey): its unique constraints.</summary>
    public ImmutableArray<TargetKey> UniqueConstraints { get; internal set; } = ImmutableArray<TargetKey>.Empty;

    /// <summary>The column named <paramref name="name"/> (column name, not property name), or null.</summary>
    public TargetColumn? FindColumn(string name)
    {
        foreach (var column in Columns)
        {
            if (string.Equals(column.Name, name, StringComparison.Ordinal))
            {
                return column;
            }
        }

        return null;
    }
}

/// <summary>An index of the target model: HasIndex(…) with IsUnique, HasFilter, IsDescending and HasDatabaseName.</summary>
public sealed class TargetIndex
{
    internal TargetIndex(string name, ImmutableArray<string> columns, bool isUnique, string? filter, ImmutableArray<bool> descending)
    {
        Name = name;
        Columns = columns;
        IsUnique = isUnique;
        Filter = filter;
        Descending = descending;
    }

    /// <summary>The database name: HasDatabaseName("…"), or EF Core's default IX_table_column1_column2.</summary>
    public string Name { get; }

    /// <summary>Column names, in index order.</summary>
    public ImmutableArray<string> Columns { get; }

    public bool IsUnique { get; }

    public string? Filter { get; }

    /// <summary>IsDescending(…) per column; empty when every column is ascending.</summary>
    public ImmutableArray<bool> Descending { get; }
}

/// <summary>A named key of the target model (an alternate key), by column names.</summary>
public sealed class TargetKey
{
    internal TargetKey(string name, ImmutableArray<string> columns)
    {
        Name = name;
        Columns = columns;
    }

    public string Name { get; }

    public ImmutableArray<string> Columns { get; }
}

/// <summary>A column of the target model as the Designer file describes its property.</summary>
public sealed class TargetColumn
{
    internal TargetColumn(string propertyName, string name, string? clrType, string? columnType, bool isRequired, int? maxLength, string? defaultValue = null)
    {
        DefaultValue = defaultValue;
        PropertyName = propertyName;
        Name = name;
        ClrType = clrType;
        ColumnType = columnType;
        IsRequired = isRequired;
        MaxLength = maxLength;
    }

    public string PropertyName { get; }

    public string Name { get; }

    /// <summary>The CLR type as written in Property&lt;T&gt;, e.g. "string", "Guid", "int?".</summary>
    public string? ClrType { get; }

    /// <summary>HasColumnType("…"), when written.</summary>
    public string? ColumnType { get; }

    public bool IsRequired { get; }

    public int? MaxLength { get; }

    /// <summary>HasDefaultValue(…)'s argument as written ("\"\"", "0", "new Guid(…)"), when the model gives the property a default.</summary>
    public string? DefaultValue { get; }

    public int? Precision { get; internal set; }

    public int? Scale { get; internal set; }

    /// <summary>IsUnicode(false) gives false; null when the Designer does not say.</summary>
    public bool? IsUnicode { get; internal set; }

    public bool IsFixedLength { get; internal set; }

    public string? DefaultValueSql { get; internal set; }

    public string? ComputedColumnSql { get; internal set; }

    /// <summary>HasComputedColumnSql(sql, stored: true).</summary>
    public bool? IsStored { get; internal set; }

    public string? Comment { get; internal set; }

    public string? Collation { get; internal set; }

    /// <summary>ValueGeneratedOnAdd() (identity, autoincrement or a default the database supplies).</summary>
    public bool IsValueGeneratedOnAdd { get; internal set; }

    /// <summary>
    /// The provider's value-generation annotation as a migration writes it on the column: name and C# value,
    /// e.g. ("Npgsql:ValueGenerationStrategy", "NpgsqlValueGenerationStrategy.IdentityByDefaultColumn"); null when none.
    /// </summary>
    public KeyValuePair<string, string>? ValueGenerationAnnotation { get; internal set; }
}

/// <summary>A foreign key of the target model, resolved to tables and column names.</summary>
public sealed class TargetForeignKey
{
    internal TargetForeignKey(string? name, ColumnRefTable dependent, ImmutableArray<string> columns, ColumnRefTable principal, ImmutableArray<string> principalColumns, string? onDelete)
    {
        Name = name;
        Dependent = dependent;
        Columns = columns;
        Principal = principal;
        PrincipalColumns = principalColumns;
        OnDelete = onDelete;
    }

    /// <summary>HasConstraintName("…"), when the Designer names it; EF's default name otherwise is not reconstructed.</summary>
    public string? Name { get; }

    public ColumnRefTable Dependent { get; }

    public ImmutableArray<string> Columns { get; }

    public ColumnRefTable Principal { get; }

    public ImmutableArray<string> PrincipalColumns { get; }

    /// <summary>The DeleteBehavior member name ("Cascade"), when written.</summary>
    public string? OnDelete { get; }
}

/// <summary>A table named by schema (null: the default) and name.</summary>
public readonly struct ColumnRefTable
{
    public ColumnRefTable(string? schema, string name)
    {
        Schema = schema;
        Name = name;
    }

    public string? Schema { get; }

    public string Name { get; }

    public override string ToString() => Schema is null ? Name : Schema + "." + Name;
}

/// <summary>A column named by schema, table and column, written "table.column" or "schema.table.column".</summary>
public readonly struct ColumnRef : IEquatable<ColumnRef>
{
    public ColumnRef(string? schema, string table, string column)
    {
        Schema = schema;
        Table = table;
        Column = column;
    }

    public string? Schema { get; }

    public string Table { get; }

    public string Column { get; }

    /// <summary>Schemas match when equal or when either is unspecified (the model's default schema).</summary>
    public static bool SchemasMatch(string? left, string? right)
        => left is null || right is null || string.Equals(left, right, StringComparison.Ordinal);

    /// <summary>Same table and column, with compatible schemas.</summary>
    public bool Matches(ColumnRef other)
        => string.Equals(Table, other.Table, StringComparison.Ordinal)
        && string.Equals(Column, other.Column, StringComparison.Ordinal)
        && SchemasMatch(Schema, other.Schema);

    public bool Equals(ColumnRef other) => Matches(other) && string.Equals(Schema, other.Schema, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is ColumnRef other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Table) ^ StringComparer.Ordinal.GetHashCode(Column);

    public override string ToString() => (Schema is null ? string.Empty : Schema + ".") + Table + "." + Column;
}

internal static class ColumnRefList
{
    public static bool Contains(List<ColumnRef> list, ColumnRef value)
    {
        foreach (var item in list)
        {
            if (item.Matches(value))
            {
                return true;
            }
        }

        return false;
    }
}
