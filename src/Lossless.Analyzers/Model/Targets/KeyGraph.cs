using System.Collections.Generic;
using System.Collections.Immutable;
using Lossless.Analyzers.Model.Operations;

namespace Lossless.Analyzers.Model.Targets;

/// <summary>One column of a foreign key and the column it references.</summary>
public readonly struct ForeignKeyLink
{
    public ForeignKeyLink(string? name, ColumnRef dependent, ColumnRef principal, string? onDelete)
    {
        Name = name;
        Dependent = dependent;
        Principal = principal;
        OnDelete = onDelete;
    }

    public string? Name { get; }

    public ColumnRef Dependent { get; }

    public ColumnRef Principal { get; }

    public string? OnDelete { get; }
}

/// <summary>
/// Primary keys and foreign keys known for a migration: the union of its target model's and its own Up
/// operations' (CreateTable constraints, AddPrimaryKey, AddForeignKey). An unreferenced unique index is no key here.
/// </summary>
public sealed class KeyGraph
{
    private readonly List<ColumnRef> _primaryKeyColumns;
    private readonly List<ForeignKeyLink> _links;

    private KeyGraph(List<ColumnRef> primaryKeyColumns, List<ForeignKeyLink> links, bool hasKeyInformation)
    {
        _primaryKeyColumns = primaryKeyColumns;
        _links = links;
        HasKeyInformation = hasKeyInformation;
    }

    /// <summary>False when there is neither a target model nor any key operation: nothing is known of keys.</summary>
    public bool HasKeyInformation { get; }

    public static KeyGraph Build(TargetKeys? model, ImmutableArray<MigrationOperation> up)
    {
        var primaryKeys = new List<ColumnRef>();
        var links = new List<ForeignKeyLink>();
        var known = model is not null;
        if (model is not null)
        {
            foreach (var key in model.PrimaryKeys)
            {
                foreach (var column in key.Columns)
                {
                    primaryKeys.Add(new ColumnRef(key.Table.Schema, key.Table.Name, column));
                }
            }

            foreach (var foreignKey in model.ForeignKeys)
            {
                for (var i = 0; i < foreignKey.Columns.Length; i++)
                {
                    links.Add(new ForeignKeyLink(
                        foreignKey.Name,
                        new ColumnRef(foreignKey.Dependent.Schema, foreignKey.Dependent.Name, foreignKey.Columns[i]),
                        new ColumnRef(foreignKey.Principal.Schema, foreignKey.Principal.Name, foreignKey.PrincipalColumns[i]),
                        foreignKey.OnDelete));
                }
            }
        }

        foreach (var operation in up)
        {
            switch (operation.Kind)
            {
                case MigrationOperationKind.CreateTable when operation.Table is { } table:
                    foreach (var constraint in operation.Constraints)
                    {
                        known = true;
                        if (constraint.Kind == ConstraintKind.PrimaryKey)
                        {
                            foreach (var column in constraint.Columns)
                            {
                                primaryKeys.Add(new ColumnRef(operation.Schema, table, column));
                            }
                        }
                        else if (constraint.Kind == ConstraintKind.ForeignKey && constraint.PrincipalTable is { } principalTable)
                        {
                            AddLinks(links, constraint.Name, operation.Schema, table, constraint.Columns, constraint.PrincipalSchema, principalTable, constraint.PrincipalColumns, constraint.OnDelete);
                        }
                    }

                    break;
                case MigrationOperationKind.AddPrimaryKey when operation.Table is { } table:
                    known = true;
                    foreach (var column in Names(operation, "column", "columns"))
                    {
                        primaryKeys.Add(new ColumnRef(operation.Schema, table, column));
                    }

                    break;
                case MigrationOperationKind.AddForeignKey when operation.Table is { } table && operation.GetString("principalTable") is { } principalTable:
                    known = true;
                    AddLinks(
                        links,
                        operation.GetString("name"),
                        operation.Schema,
                        table,
                        Names(operation, "column", "columns"),
                        operation.GetString("principalSchema"),
                        principalTable,
                        Names(operation, "principalColumn", "principalColumns"),
                        operation["onDelete"].Value as string);
                    break;
            }
        }

        return new KeyGraph(primaryKeys, links, known);
    }

    /// <summary>Every foreign-key column and the column it references, in the order they were read (target model, then Up).</summary>
    public IReadOnlyList<ForeignKeyLink> Links => _links;

    public bool IsPrimaryKey(ColumnRef column) => ColumnRefList.Contains(_primaryKeyColumns, column);

    /// <summary>Foreign-key columns that reference <paramref name="principal"/>, each once.</summary>
    public List<ForeignKeyLink> ReferencesTo(ColumnRef principal)
    {
        var result = new List<ForeignKeyLink>();
        foreach (var link in _links)
        {
            if (link.Principal.Matches(principal) && !ContainsDependent(result, link.Dependent))
            {
                result.Add(link);
            }
        }

        return result;
    }

    /// <summary>The columns <paramref name="dependent"/> references through foreign keys, each once.</summary>
    public List<ForeignKeyLink> ReferencesFrom(ColumnRef dependent)
    {
        var result = new List<ForeignKeyLink>();
        foreach (var link in _links)
        {
            if (link.Dependent.Matches(dependent) && !ContainsPrincipal(result, link.Principal))
            {
                result.Add(link);
            }
        }

        return result;
    }

    private static bool ContainsDependent(List<ForeignKeyLink> links, ColumnRef column)
    {
        foreach (var link in links)
        {
            if (link.Dependent.Matches(column))
            {
                return true;
            }
        }

        return false;
    }

    private static bool ContainsPrincipal(List<ForeignKeyLink> links, ColumnRef column)
    {
        foreach (var link in links)
        {
            if (link.Principal.Matches(column))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddLinks(List<ForeignKeyLink> links, string? name, string? schema, string table, ImmutableArray<string> columns, string? principalSchema, string principalTable, ImmutableArray<string> principalColumns, string? onDelete)
    {
        if (columns.IsEmpty || columns.Length != principalColumns.Length)
        {
            return;
        }

        for (var i = 0; i < columns.Length; i++)
        {
            links.Add(new ForeignKeyLink(name, new ColumnRef(schema, table, columns[i]), new ColumnRef(principalSchema, principalTable, principalColumns[i]), onDelete));
        }
    }

    private static ImmutableArray<string> Names(MigrationOperation operation, string single, string many)
    {
        if (operation.GetString(single) is { } one)
        {
            return ImmutableArray.Create(one);
        }

        return operation[many].Value is string[] names ? ImmutableArray.Create(names) : ImmutableArray<string>.Empty;
    }
}
