using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Lossless.Analyzers.Model.Operations;

/// <summary>
/// One MigrationBuilder call, read once: its method name, CLR type argument and arguments by parameter name.
/// </summary>
public sealed class MigrationOperation
{
    internal MigrationOperation(
        string methodName,
        IInvocationOperation invocation,
        Location location,
        ClrTypeName? clrType,
        IReadOnlyDictionary<string, ArgumentValue> arguments,
        ImmutableArray<ColumnDefinition> columns,
        ImmutableArray<ConstraintDefinition> constraints,
        IReadOnlyDictionary<string, ArgumentValue>? annotations = null)
    {
        Annotations = annotations ?? NoAnnotations;
        MethodName = methodName;
        Kind = MigrationOperationKinds.FromMethodName(methodName);
        Invocation = invocation;
        Location = location;
        ClrType = clrType;
        Arguments = arguments;
        Columns = columns;
        Constraints = constraints;
    }

    /// <summary>Which MigrationBuilder method the operation calls; <see cref="MigrationOperationKind.Other"/> for any other (see <see cref="MethodName"/>).</summary>
    public MigrationOperationKind Kind { get; }

    /// <summary>The called method's name: "AlterColumn", "CreateTable", "Sql", "EnsurePostgresExtension", ….</summary>
    public string MethodName { get; }

    public IInvocationOperation Invocation { get; }

    /// <summary>The method name token (AlterColumn in migrationBuilder.AlterColumn&lt;Guid&gt;(…)): where diagnostics go.</summary>
    public Location Location { get; }

    /// <summary>The generic argument (AlterColumn&lt;Guid&gt;), when the method has one.</summary>
    public ClrTypeName? ClrType { get; }

    public IReadOnlyDictionary<string, ArgumentValue> Arguments { get; }

    /// <summary>CreateTable's columns, in declaration order; empty for other operations or when unreadable.</summary>
    public ImmutableArray<ColumnDefinition> Columns { get; }

    /// <summary>CreateTable's primary key, foreign keys and unique constraints.</summary>
    public ImmutableArray<ConstraintDefinition> Constraints { get; }

    /// <summary>The .Annotation("Npgsql:…", value) calls chained onto the operation, by annotation name.</summary>
    public IReadOnlyDictionary<string, ArgumentValue> Annotations { get; }

    internal static readonly IReadOnlyDictionary<string, ArgumentValue> NoAnnotations = new Dictionary<string, ArgumentValue>();

    public ArgumentValue this[string parameterName]
        => Arguments.TryGetValue(parameterName, out var value) ? value : ArgumentValue.Absent;

    /// <summary>The argument as a known string (constant, or a null default), or null.</summary>
    public string? GetString(string parameterName) => this[parameterName].Value as string;

    /// <summary>True when the argument is known (a constant or the parameter's default).</summary>
    public bool IsKnown(string parameterName) => this[parameterName].IsKnown;

    /// <summary>Table and schema of an operation on one table ("table"/"schema" parameters; "name" for table operations).</summary>
    public string? Table => MigrationOperationKinds.IsTableOperation(Kind) ? GetString("name") : GetString("table");

    public string? Schema => GetString("schema");

    public override string ToString() => MethodName + "(" + (Table ?? "?") + ")";
}

/// <summary>One column of a CreateTable (table.Column&lt;T&gt;(…)).</summary>
public sealed class ColumnDefinition
{
    internal ColumnDefinition(string propertyName, ClrTypeName? clrType, IReadOnlyDictionary<string, ArgumentValue> arguments, IReadOnlyDictionary<string, ArgumentValue>? annotations = null)
    {
        Annotations = annotations ?? MigrationOperation.NoAnnotations;
        PropertyName = propertyName;
        ClrType = clrType;
        Arguments = arguments;
    }

    /// <summary>The anonymous type's property name (what constraint lambdas refer to).</summary>
    public string PropertyName { get; }

    /// <summary>The column name: the name argument, or else the property name, as EF Core does.</summary>
    public string? Name
    {
        get
        {
            var name = this["name"];
            return name.State == ArgumentState.Constant ? name.Value as string
                : name.State == ArgumentState.Unknown ? null
                : PropertyName;
        }
    }

    public ClrTypeName? ClrType { get; }

    public IReadOnlyDictionary<string, ArgumentValue> Arguments { get; }

    /// <summary>The .Annotation("Npgsql:ValueGenerationStrategy", …) calls chained onto table.Column&lt;T&gt;(…), by name.</summary>
    public IReadOnlyDictionary<string, ArgumentValue> Annotations { get; }

    public ArgumentValue this[string parameterName]
        => Arguments.TryGetValue(parameterName, out var value) ? value : ArgumentValue.Absent;
}

public enum ConstraintKind
{
    PrimaryKey,
    ForeignKey,
    UniqueConstraint,
}

/// <summary>A key or foreign key declared in a CreateTable's constraints.</summary>
public sealed class ConstraintDefinition
{
    internal ConstraintDefinition(ConstraintKind kind, string? name, ImmutableArray<string> columns, string? principalTable, string? principalSchema, ImmutableArray<string> principalColumns, string? onDelete)
    {
        Kind = kind;
        Name = name;
        Columns = columns;
        PrincipalTable = principalTable;
        PrincipalSchema = principalSchema;
        PrincipalColumns = principalColumns;
        OnDelete = onDelete;
    }

    public ConstraintKind Kind { get; }

    public string? Name { get; }

    /// <summary>Column names; empty when not statically known.</summary>
    public ImmutableArray<string> Columns { get; }

    public string? PrincipalTable { get; }

    public string? PrincipalSchema { get; }

    public ImmutableArray<string> PrincipalColumns { get; }

    /// <summary>The ReferentialAction member name ("Cascade"), or null.</summary>
    public string? OnDelete { get; }
}
