using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Lossless.Analyzers.Rules.Reversibility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Lossless.CodeFixes.Rules.Reversibility;

/// <summary>
/// Writes the inverse of an Up operation as Down statements. Names and values are copied from Up's own argument
/// expressions, so user constants and formatting survive; what Up does not hold comes from the previous migration's
/// target model; what is known nowhere becomes a TODO comment, and the code around it still compiles.
/// </summary>
internal sealed class InverseWriter
{
    private const string NpgsqlMetadata = "Npgsql.EntityFrameworkCore.PostgreSQL.Metadata";

    private static readonly string[] AlterColumnOrder =
    [
        "name", "schema", "table", "type", "unicode", "maxLength", "fixedLength", "precision", "scale", "stored", "rowVersion", "nullable",
        "defaultValue", "defaultValueSql", "computedColumnSql", "comment", "collation",
        "oldClrType", "oldType", "oldUnicode", "oldMaxLength", "oldFixedLength", "oldPrecision", "oldScale", "oldStored", "oldRowVersion", "oldNullable",
        "oldDefaultValue", "oldDefaultValueSql", "oldComputedColumnSql", "oldComment", "oldCollation",
    ];

    private static readonly string[] AlterSequenceOrder = ["name", "schema", "incrementBy", "minValue", "maxValue", "cyclic", "oldIncrementBy", "oldMinValue", "oldMaxValue", "oldCyclic"];

    private static readonly string[] AlterTableOrder = ["name", "schema", "comment", "oldComment"];

    private static readonly string[] AlterDatabaseOrder = ["collation", "oldCollation"];

    private readonly MigrationModel _migration;
    private readonly CallText _text;

    public InverseWriter(MigrationModel migration, CallText text)
    {
        _migration = migration;
        _text = text;
    }

    /// <summary>Namespaces the written code needs (NpgsqlValueGenerationStrategy, DateTime).</summary>
    public SortedSet<string> Usings { get; } = new(StringComparer.Ordinal);

    /// <summary>The inverse of every Up operation, last first: a whole Down.</summary>
    public List<string> WriteAll()
    {
        var blocks = new List<string>();
        for (var i = _migration.Up.Length - 1; i >= 0; i--)
        {
            if (!IsUndoneByItsTable(i) && Write(i, existing: null) is { } block)
            {
                blocks.Add(block);
            }
        }

        return blocks;
    }

    /// <summary>
    /// The inverse of the Up operation at <paramref name="index"/>, or null when it needs none (EnsureSchema).
    /// <paramref name="existing"/> is Down as it stands, for what is already there (a re-created table's indexes).
    /// </summary>
    public string? Write(int index, ImmutableArray<MigrationOperation>? existing)
    {
        var operation = _migration.Up[index];
        var up = new UpCall(operation, _text);
        if (operation.Kind == MigrationOperationKind.EnsureSchema)
        {
            return null;
        }

        if (!up.CanCopy)
        {
            return _text.Comment("TODO: undo Up's " + operation.MethodName + "(...) by hand: its arguments are computed in Up and cannot be copied into Down.");
        }

        // Which operation undoes which is the catalog's one table, the same LL2003 judges by; what follows only writes
        // each inverse's arguments.
        var inverse = OperationInverses.InverseOf(operation.Kind)?.ToString();
        switch (operation.Kind)
        {
            case MigrationOperationKind.CreateTable:
            case MigrationOperationKind.CreateSequence:
                return Call(inverse!, up, ["name", "schema"]);
            case MigrationOperationKind.AddColumn:
            case MigrationOperationKind.CreateIndex:
            case MigrationOperationKind.AddForeignKey:
            case MigrationOperationKind.AddPrimaryKey:
            case MigrationOperationKind.AddUniqueConstraint:
            case MigrationOperationKind.AddCheckConstraint:
            case MigrationOperationKind.CreateCheckConstraint:
                return Call(inverse!, up, ["name", "schema", "table"]);
            case MigrationOperationKind.DropSchema:
                return Call(inverse!, up, ["name"]);
            case MigrationOperationKind.RenameColumn:
            case MigrationOperationKind.RenameIndex:
                return _text.Call(inverse!, null, Arguments(("name", up["newName"]), ("schema", up["schema"]), ("table", up["table"]), ("newName", up["name"])));
            case MigrationOperationKind.AlterColumn:
                return Swap(up, AlterColumnOrder, typed: true);

            // Not in the table (LL2003 does not judge them), but each carries its old values: it is undone by itself, swapped.
            case MigrationOperationKind.AlterTable:
                return Swap(up, AlterTableOrder, typed: false);
            case MigrationOperationKind.AlterSequence:
                return Swap(up, AlterSequenceOrder, typed: false);
            case MigrationOperationKind.AlterDatabase:
                return Swap(up, AlterDatabaseOrder, typed: false);
            case MigrationOperationKind.RenameTable:
            case MigrationOperationKind.RenameSequence:
                return RenameBack(up);
            case MigrationOperationKind.InsertData:
                return DeleteInserted(up);
            case MigrationOperationKind.DropTable:
                return CreateDroppedTable(up, existing);
            case MigrationOperationKind.DropColumn:
                return AddDroppedColumn(up);
            case MigrationOperationKind.DropIndex:
                return CreateDroppedIndex(up);
            case MigrationOperationKind.DropForeignKey:
                return AddDroppedForeignKey(up);
            case MigrationOperationKind.DropPrimaryKey:
                return AddDroppedPrimaryKey(up);
            case MigrationOperationKind.DropUniqueConstraint:
                return AddDroppedUniqueConstraint(up);
            case MigrationOperationKind.Sql:
                return _text.Comment("TODO: undo by hand what this SQL of Up did; SQL has no known inverse:", Abbreviate(operation.GetString("sql")));
            case MigrationOperationKind.DeleteData:
                return _text.Comment("TODO: re-insert the rows Up deletes from table " + Qualified(operation.Schema, operation.Table) + ": their values are not in Up.");
            case MigrationOperationKind.UpdateData:
                return _text.Comment("TODO: restore the values Up updates in table " + Qualified(operation.Schema, operation.Table) + ": the old values are not in Up.");
            case MigrationOperationKind.DropCheckConstraint:
                return _text.Comment("TODO: re-add check constraint '" + operation.GetString("name") + "' of table " + Qualified(operation.Schema, operation.Table) + " dropped in Up: its SQL is not in Up.");
            case MigrationOperationKind.DropSequence:
                return _text.Comment("TODO: re-create sequence " + Qualified(operation.Schema, operation.GetString("name")) + " dropped in Up: its definition is not in Up.");
            default:
                return _text.Comment("TODO: undo Up's " + operation.MethodName + "(...) by hand: it has no known inverse.");
        }
    }

    /// <summary>
    /// An operation on a table that Up creates earlier needs nothing of its own: dropping the table undoes it. One on a
    /// table Up drops later needs nothing either: re-creating the table from the previous model restores it.
    /// Foreign keys are the exception on the created side: they must go before the tables they join are dropped.
    /// </summary>
    private bool IsUndoneByItsTable(int index)
    {
        var operation = _migration.Up[index];
        if (operation.Kind is MigrationOperationKind.CreateTable or MigrationOperationKind.DropTable or MigrationOperationKind.AddForeignKey || operation.Table is not { } table || operation.GetString("table") is null)
        {
            return false;
        }

        var onCreated = operation.Kind is MigrationOperationKind.AddColumn or MigrationOperationKind.AlterColumn or MigrationOperationKind.RenameColumn or MigrationOperationKind.RenameIndex or MigrationOperationKind.CreateIndex or MigrationOperationKind.AddPrimaryKey
            or MigrationOperationKind.AddUniqueConstraint or MigrationOperationKind.AddCheckConstraint or MigrationOperationKind.CreateCheckConstraint or MigrationOperationKind.InsertData;
        var up = _migration.Up;
        for (var i = onCreated ? 0 : index + 1; i < (onCreated ? index : up.Length); i++)
        {
            if (up[i].Kind == (onCreated ? MigrationOperationKind.CreateTable : MigrationOperationKind.DropTable)
                && string.Equals(up[i].GetString("name"), table, StringComparison.Ordinal)
                && string.Equals(up[i].Schema, operation.Schema, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The method that undoes <paramref name="kind"/>, from the catalog's table of inverses.</summary>
    private static string InverseName(MigrationOperationKind kind) => OperationInverses.InverseOf(kind)!.Value.ToString();

    private string Call(string method, UpCall up, string[] parameters)
    {
        var arguments = new List<KeyValuePair<string, string>>();
        foreach (var parameter in parameters)
        {
            if (up[parameter] is { } value)
            {
                arguments.Add(new KeyValuePair<string, string>(parameter, value));
            }
        }

        return _text.Call(method, null, arguments);
    }

    private static List<KeyValuePair<string, string>> Arguments(params (string Name, string? Value)[] arguments)
    {
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in arguments)
        {
            if (value is not null)
            {
                list.Add(new KeyValuePair<string, string>(name, value));
            }
        }

        return list;
    }

    /// <summary>AlterColumn and the other Alter*: every X and oldX swapped, the CLR type and oldClrType too, annotations and old annotations too.</summary>
    private string Swap(UpCall up, string[] order, bool typed)
    {
        var swapped = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in up.Parameters)
        {
            if (parameter == "oldClrType")
            {
                continue;
            }

            swapped[Counterpart(parameter, order)] = up[parameter]!;
        }

        string? typeArgument = null;
        if (typed)
        {
            // The CLR type Up had becomes Down's type argument, and Up's type argument Down's oldClrType.
            typeArgument = up.TypeOfOperand("oldClrType") ?? up.TypeArgument;
            if (up.TypeArgument is { } upType)
            {
                swapped["oldClrType"] = "typeof(" + upType + ")";
            }
        }

        // As EF Core scaffolds it: nullable always written, an old flag that is false (its default) left out.
        foreach (var flag in new[] { "oldNullable", "oldRowVersion", "oldCyclic" })
        {
            if (swapped.TryGetValue(flag, out var value) && value == "false")
            {
                swapped.Remove(flag);
            }
        }

        if (typed && !swapped.ContainsKey("nullable"))
        {
            swapped["nullable"] = "false";
        }

        var arguments = new List<KeyValuePair<string, string>>();
        foreach (var parameter in order)
        {
            if (swapped.TryGetValue(parameter, out var value))
            {
                arguments.Add(new KeyValuePair<string, string>(parameter, value));
                swapped.Remove(parameter);
            }
        }

        foreach (var rest in swapped)
        {
            arguments.Add(rest);
        }

        var chain = new List<string>();
        foreach (var link in up.Chain)
        {
            chain.Add((link.Key == "Annotation" ? ".OldAnnotation" : link.Key == "OldAnnotation" ? ".Annotation" : "." + link.Key) + link.Value);
        }

        return _text.Call(up.Operation.MethodName, typeArgument, arguments, chain);
    }

    /// <summary>oldType for type, type for oldType; name, schema and table stay.</summary>
    private static string Counterpart(string parameter, string[] order)
    {
        if (parameter.Length > 3 && parameter.StartsWith("old", StringComparison.Ordinal) && char.IsUpper(parameter[3]))
        {
            return char.ToLowerInvariant(parameter[3]) + parameter.Substring(4);
        }

        var old = "old" + char.ToUpperInvariant(parameter[0]) + parameter.Substring(1);
        return Array.IndexOf(order, old) >= 0 ? old : parameter;
    }

    /// <summary>RenameTable / RenameSequence back: the new name and schema become the old ones.</summary>
    private string RenameBack(UpCall up)
    {
        var name = up["name"];
        var schema = up["schema"];
        var newName = up["newName"];
        var newSchema = up["newSchema"];

        // A missing schema or newSchema is the default schema (RULES.md, as EF reads it): Down moves it back where it was.
        return _text.Call(up.Operation.MethodName, null, Arguments(("name", newName ?? name), ("schema", newSchema), ("newName", newName is null ? null : name), ("newSchema", schema)));
    }

    /// <summary>InsertData back: DeleteData by key (the key of the migration's own model) row by row, or else by every inserted column.</summary>
    private string DeleteInserted(UpCall up)
    {
        var operation = up.Operation;
        var key = KeyOf(operation);
        if (key is not null && up.Rows(operation) is { } rows && rows.Columns.Count > 0)
        {
            var positions = new List<int>();
            foreach (var column in key)
            {
                var position = rows.Columns.IndexOf(column);
                if (position < 0)
                {
                    positions.Clear();
                    break;
                }

                positions.Add(position);
            }

            if (positions.Count > 0)
            {
                var statements = new List<string>();
                foreach (var row in rows.Values)
                {
                    if (row.Count != rows.Columns.Count)
                    {
                        statements.Clear();
                        break;
                    }

                    var arguments = Arguments(("table", up["table"]), ("schema", up["schema"]));
                    if (positions.Count == 1)
                    {
                        arguments.Add(new KeyValuePair<string, string>("keyColumn", Literal(key[0])));
                        arguments.Add(new KeyValuePair<string, string>("keyValue", row[positions[0]]));
                    }
                    else
                    {
                        var names = new List<string>();
                        var values = new List<string>();
                        for (var i = 0; i < positions.Count; i++)
                        {
                            names.Add(Literal(key[i]));
                            values.Add(row[positions[i]]);
                        }

                        arguments.Add(new KeyValuePair<string, string>("keyColumns", "new[] { " + string.Join(", ", names) + " }"));
                        arguments.Add(new KeyValuePair<string, string>("keyValues", "new object[] { " + string.Join(", ", values) + " }"));
                    }

                    statements.Add(_text.Call(InverseName(MigrationOperationKind.InsertData), null, arguments));
                }

                if (statements.Count > 0)
                {
                    return string.Join(_text.NewLine + _text.NewLine, statements);
                }
            }
        }

        // No key known: every inserted column is the key, so exactly the inserted rows go.
        return _text.Call(InverseName(MigrationOperationKind.InsertData), null, Arguments(
            ("table", up["table"]),
            ("schema", up["schema"]),
            ("keyColumn", up["column"]),
            ("keyColumns", up["columns"]),
            ("keyColumnType", up["columnType"]),
            ("keyColumnTypes", up["columnTypes"]),
            ("keyValue", up["value"]),
            ("keyValues", up["values"])));
    }

    /// <summary>The primary key of the inserted-into table: from this migration's own target model, or a CreateTable of Up.</summary>
    private List<string>? KeyOf(MigrationOperation insert)
    {
        if (insert.Table is not { } table)
        {
            return null;
        }

        if (_migration.TargetModel?.FindTable(insert.Schema, table) is { PrimaryKey.IsEmpty: false } target)
        {
            return new List<string>(target.PrimaryKey);
        }

        foreach (var operation in _migration.Up)
        {
            if (operation.Kind == MigrationOperationKind.CreateTable && operation.GetString("name") == table)
            {
                foreach (var constraint in operation.Constraints)
                {
                    if (constraint.Kind == ConstraintKind.PrimaryKey && !constraint.Columns.IsEmpty)
                    {
                        return new List<string>(constraint.Columns);
                    }
                }
            }
        }

        return null;
    }

    // ---- Inverses that need the previous migration's target model ----------------------------------------------

    private string MissingFromModel(string what, string needs)
    {
        var reason = _migration.PreviousTargetModel is null
            ? "the previous migration's target model (its .Designer.cs) is not in this project"
            : "the previous migration's target model does not describe it";
        return _text.Comment("TODO: " + what + ": " + needs + " not in Up, and " + reason + ".");
    }

    private TargetTable? PreviousTable(MigrationOperation operation, string nameParameter)
        => operation.GetString(nameParameter) is { } name ? _migration.PreviousTargetModel?.FindTable(operation.Schema, name) : null;

    private string CreateDroppedTable(UpCall up, ImmutableArray<MigrationOperation>? existing)
    {
        var operation = up.Operation;
        var table = PreviousTable(operation, "name");
        if (table is null)
        {
            return MissingFromModel("re-create table " + Qualified(operation.Schema, operation.GetString("name")) + " dropped in Up", "its columns, keys and indexes are");
        }

        var inner = _text.Indent + CallText.Unit;
        var columns = new StringBuilder("table => new").Append(_text.NewLine).Append(inner).Append('{');
        var properties = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < table.Columns.Length; i++)
        {
            var column = table.Columns[i];
            var property = PropertyName(column.Name, properties);
            properties[column.Name] = property;
            var arguments = ColumnArguments(column, table, withName: property != column.Name, toExistingRows: false, out var typeArgument, out var annotation);
            columns.Append(_text.NewLine).Append(inner).Append(CallText.Unit).Append(property).Append(" = table.Column<").Append(typeArgument).Append(">(");
            for (var a = 0; a < arguments.Count; a++)
            {
                columns.Append(a == 0 ? string.Empty : ", ").Append(arguments[a].Key).Append(": ").Append(arguments[a].Value);
            }

            columns.Append(')');
            if (annotation is { } value)
            {
                columns.Append(_text.NewLine).Append(inner).Append(CallText.Unit).Append(CallText.Unit).Append(".Annotation(").Append(Literal(value.Key)).Append(", ").Append(value.Value).Append(')');
            }

            columns.Append(i == table.Columns.Length - 1 ? string.Empty : ",");
        }

        columns.Append(_text.NewLine).Append(inner).Append('}');

        var constraints = new List<string>();
        if (table.PrimaryKeyName is { } primaryKey)
        {
            constraints.Add("table.PrimaryKey(" + Literal(primaryKey) + ", " + Selector(table.PrimaryKey, properties) + ");");
        }

        foreach (var unique in table.UniqueConstraints)
        {
            constraints.Add("table.UniqueConstraint(" + Literal(unique.Name) + ", " + Selector(unique.Columns, properties) + ");");
        }

        foreach (var foreignKey in _migration.PreviousTargetModel!.ForeignKeys)
        {
            if (foreignKey.Dependent.Name == table.Name && foreignKey.Dependent.Schema == table.Schema)
            {
                var deeper = inner + CallText.Unit + CallText.Unit;
                var lines = new List<string>
                {
                    "name: " + Literal(InverseMatcher.ForeignKeyName(foreignKey)),
                    (foreignKey.Columns.Length == 1 ? "column: " : "columns: ") + Selector(foreignKey.Columns, properties),
                };
                if (foreignKey.Principal.Schema is { } principalSchema)
                {
                    lines.Add("principalSchema: " + Literal(principalSchema));
                }

                lines.Add("principalTable: " + Literal(foreignKey.Principal.Name));
                lines.Add(foreignKey.PrincipalColumns.Length == 1 ? "principalColumn: " + Literal(foreignKey.PrincipalColumns[0]) : "principalColumns: " + StringArray(foreignKey.PrincipalColumns));
                if (ReferentialAction(foreignKey.OnDelete) is { } action)
                {
                    lines.Add("onDelete: ReferentialAction." + action);
                }

                constraints.Add("table.ForeignKey(" + _text.NewLine + deeper + string.Join("," + _text.NewLine + deeper, lines) + ");");
            }
        }

        var constraintText = new StringBuilder("table =>").Append(_text.NewLine).Append(inner).Append('{');
        foreach (var constraint in constraints)
        {
            constraintText.Append(_text.NewLine).Append(inner).Append(CallText.Unit).Append(constraint);
        }

        constraintText.Append(_text.NewLine).Append(inner).Append('}');

        var create = _text.Call(InverseName(MigrationOperationKind.DropTable), null, Arguments(
            ("name", up["name"]),
            ("schema", up["schema"]),
            ("columns", columns.ToString()),
            ("constraints", constraintText.ToString()),
            ("comment", null)));
        var statements = new List<string> { _text.Commented("Re-create " + Qualified(table.Schema, table.Name) + " as the previous migration's model defines it; the rows Up deleted are not restored.", create) };
        foreach (var index in table.Indexes)
        {
            if (existing is { } down && ExistsIn(down, MigrationOperationKind.CreateIndex, index.Name))
            {
                continue;
            }

            statements.Add(CreateIndex(index, table, up["schema"]));
        }

        return string.Join(_text.NewLine + _text.NewLine, statements);
    }

    private static bool ExistsIn(ImmutableArray<MigrationOperation> operations, MigrationOperationKind kind, string name)
    {
        foreach (var operation in operations)
        {
            if (operation.Kind == kind && operation.GetString("name") == name)
            {
                return true;
            }
        }

        return false;
    }

    private string CreateIndex(TargetIndex index, TargetTable table, string? schemaExpression)
    {
        var arguments = Arguments(
            ("name", Literal(index.Name)),
            ("schema", schemaExpression ?? (table.Schema is null ? null : Literal(table.Schema))),
            ("table", Literal(table.Name)),
            (index.Columns.Length == 1 ? "column" : "columns", index.Columns.Length == 1 ? Literal(index.Columns[0]) : StringArray(index.Columns)),
            ("unique", index.IsUnique ? "true" : null),
            ("filter", index.Filter is null ? null : Literal(index.Filter)),
            ("descending", index.Descending.IsEmpty ? null : "new[] { " + string.Join(", ", Booleans(index.Descending)) + " }"));
        return _text.Call(InverseName(MigrationOperationKind.DropIndex), null, arguments);
    }

    private static IEnumerable<string> Booleans(ImmutableArray<bool> values)
    {
        foreach (var value in values)
        {
            yield return value ? "true" : "false";
        }
    }

    private string AddDroppedColumn(UpCall up)
    {
        var operation = up.Operation;
        var table = PreviousTable(operation, "table");
        var column = operation.GetString("name") is { } name ? table?.FindColumn(name) : null;
        if (table is null || column is null)
        {
            var skeleton = new StringBuilder("migrationBuilder.AddColumn<TYPE>(name: ").Append(up["name"]);
            if (up["schema"] is { } schema)
            {
                skeleton.Append(", schema: ").Append(schema);
            }

            skeleton.Append(", table: ").Append(up["table"]).Append(", type: \"TYPE\", nullable: true);");
            return MissingFromModel("re-add column " + Qualified(operation.Schema, operation.Table + "." + operation.GetString("name")) + " dropped in Up", "its type and nullability are")
                + _text.NewLine + _text.Comment(skeleton.ToString());
        }

        var arguments = Arguments(("name", up["name"]), ("schema", up["schema"]), ("table", up["table"]));
        arguments.AddRange(ColumnArguments(column, table, withName: false, toExistingRows: true, out var typeArgument, out var annotation));
        var chain = annotation is { } value ? new List<string> { ".Annotation(" + Literal(value.Key) + ", " + value.Value + ")" } : null;
        var add = _text.Call(InverseName(MigrationOperationKind.DropColumn), typeArgument, arguments, chain);
        if (column.IsRequired && column.DefaultValue is null && column.DefaultValueSql is null && column.ComputedColumnSql is null)
        {
            var placeholder = Placeholder(column.ClrType);
            return placeholder is null
                ? _text.Comment("TODO: give the rows that exist when rolling back a value for the required column " + column.Name + " (a defaultValue): Lossless knows no placeholder for " + column.ClrType + ".") + _text.NewLine + add
                : _text.Commented("Rows that exist when rolling back get the placeholder default, as EF Core scaffolds it: the values Up dropped are gone.", add);
        }

        return add;
    }

    private string CreateDroppedIndex(UpCall up)
    {
        var operation = up.Operation;
        var name = operation.GetString("name");
        foreach (var table in _migration.PreviousTargetModel?.Tables ?? ImmutableArray<TargetTable>.Empty)
        {
            if (operation.GetString("table") is { } tableName && (table.Name != tableName || !SchemaMatches(table.Schema, operation.Schema)))
            {
                continue;
            }

            foreach (var index in table.Indexes)
            {
                if (index.Name == name)
                {
                    return CreateIndex(index, table, up["schema"]);
                }
            }
        }

        return MissingFromModel("re-create index '" + name + "' dropped in Up", "its table and columns are");
    }

    private string AddDroppedForeignKey(UpCall up)
    {
        var operation = up.Operation;
        var name = operation.GetString("name");
        foreach (var foreignKey in _migration.PreviousTargetModel?.ForeignKeys ?? ImmutableArray<TargetForeignKey>.Empty)
        {
            if (InverseMatcher.ForeignKeyName(foreignKey) == name && foreignKey.Dependent.Name == operation.Table && SchemaMatches(foreignKey.Dependent.Schema, operation.Schema))
            {
                return _text.Call(InverseName(MigrationOperationKind.DropForeignKey), null, Arguments(
                    ("name", up["name"]),
                    ("schema", up["schema"]),
                    ("table", up["table"]),
                    (foreignKey.Columns.Length == 1 ? "column" : "columns", foreignKey.Columns.Length == 1 ? Literal(foreignKey.Columns[0]) : StringArray(foreignKey.Columns)),
                    ("principalSchema", foreignKey.Principal.Schema is null ? null : Literal(foreignKey.Principal.Schema)),
                    ("principalTable", Literal(foreignKey.Principal.Name)),
                    (foreignKey.PrincipalColumns.Length == 1 ? "principalColumn" : "principalColumns", foreignKey.PrincipalColumns.Length == 1 ? Literal(foreignKey.PrincipalColumns[0]) : StringArray(foreignKey.PrincipalColumns)),
                    ("onDelete", ReferentialAction(foreignKey.OnDelete) is { } action ? "ReferentialAction." + action : null)));
            }
        }

        return MissingFromModel("re-add foreign key '" + name + "' dropped in Up", "its columns and principal are");
    }

    private string AddDroppedPrimaryKey(UpCall up)
    {
        var operation = up.Operation;
        if (PreviousTable(operation, "table") is { PrimaryKey.IsEmpty: false } table)
        {
            return _text.Call(InverseName(MigrationOperationKind.DropPrimaryKey), null, Arguments(
                ("name", up["name"]),
                ("schema", up["schema"]),
                ("table", up["table"]),
                (table.PrimaryKey.Length == 1 ? "column" : "columns", table.PrimaryKey.Length == 1 ? Literal(table.PrimaryKey[0]) : StringArray(table.PrimaryKey))));
        }

        return MissingFromModel("re-add primary key '" + operation.GetString("name") + "' dropped in Up", "its columns are");
    }

    private string AddDroppedUniqueConstraint(UpCall up)
    {
        var operation = up.Operation;
        if (PreviousTable(operation, "table") is { } table)
        {
            foreach (var key in table.UniqueConstraints)
            {
                if (key.Name == operation.GetString("name"))
                {
                    return _text.Call(InverseName(MigrationOperationKind.DropUniqueConstraint), null, Arguments(
                        ("name", up["name"]),
                        ("schema", up["schema"]),
                        ("table", up["table"]),
                        (key.Columns.Length == 1 ? "column" : "columns", key.Columns.Length == 1 ? Literal(key.Columns[0]) : StringArray(key.Columns))));
                }
            }
        }

        return MissingFromModel("re-add unique constraint '" + operation.GetString("name") + "' dropped in Up", "its columns are");
    }

    /// <summary>The arguments of table.Column&lt;T&gt;(…) / AddColumn&lt;T&gt;(…) for a column of a target model, in EF Core's order.</summary>
    private List<KeyValuePair<string, string>> ColumnArguments(TargetColumn column, TargetTable table, bool withName, bool toExistingRows, out string typeArgument, out KeyValuePair<string, string>? annotation)
    {
        var clrType = column.ClrType ?? "string";
        typeArgument = clrType.EndsWith("?", StringComparison.Ordinal) ? clrType.Substring(0, clrType.Length - 1) : clrType;
        if (NeedsSystem(typeArgument))
        {
            Usings.Add("System");
        }

        var arguments = Arguments(
            ("name", withName ? Literal(column.Name) : null),
            ("type", column.ColumnType is null ? null : Literal(column.ColumnType)),
            ("unicode", column.IsUnicode is { } unicode ? (unicode ? "true" : "false") : null),
            ("maxLength", column.MaxLength?.ToString(CultureInfo.InvariantCulture)),
            ("fixedLength", column.IsFixedLength ? "true" : null),
            ("precision", column.Precision?.ToString(CultureInfo.InvariantCulture)),
            ("scale", column.Scale?.ToString(CultureInfo.InvariantCulture)),
            ("nullable", column.IsRequired ? "false" : "true"),
            ("defaultValue", column.DefaultValue ?? (toExistingRows && column.IsRequired && column.DefaultValueSql is null && column.ComputedColumnSql is null ? Placeholder(column.ClrType) : null)),
            ("defaultValueSql", column.DefaultValueSql is null ? null : Literal(column.DefaultValueSql)),
            ("computedColumnSql", column.ComputedColumnSql is null ? null : Literal(column.ComputedColumnSql)),
            ("stored", column.IsStored is { } stored ? (stored ? "true" : "false") : null),
            ("comment", column.Comment is null ? null : Literal(column.Comment)),
            ("collation", column.Collation is null ? null : Literal(column.Collation)));

        annotation = column.ValueGenerationAnnotation;
        if (annotation is { Key: "Npgsql:ValueGenerationStrategy" })
        {
            Usings.Add(NpgsqlMetadata);
        }
        else if (annotation is null && _migration.Provider == DatabaseProvider.Sqlite && column.IsValueGeneratedOnAdd
            && table.PrimaryKey.Length == 1 && table.PrimaryKey[0] == column.Name && typeArgument is "int" or "long" or "short"
            && column.DefaultValue is null && column.DefaultValueSql is null)
        {
            // EF Core's SQLite provider makes a single integer key generated on add AUTOINCREMENT.
            annotation = new KeyValuePair<string, string>("Sqlite:Autoincrement", "true");
        }

        return arguments;
    }

    private static bool NeedsSystem(string type) => type is "DateTime" or "DateTimeOffset" or "TimeSpan" or "Guid" or "DateOnly" or "TimeOnly";

    /// <summary>The CLR default as EF Core scaffolds it for a required column added to existing rows; null for types it has none for.</summary>
    private string? Placeholder(string? clrType) => clrType switch
    {
        "string" => "\"\"",
        "int" => "0",
        "long" => "0L",
        "short" => "(short)0",
        "byte" => "(byte)0",
        "decimal" => "0m",
        "double" => "0.0",
        "float" => "0f",
        "bool" => "false",
        "byte[]" => "new byte[0]",
        "Guid" => Uses("new Guid(\"00000000-0000-0000-0000-000000000000\")"),
        "DateTime" => Uses("new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified)"),
        "DateTimeOffset" => Uses("new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0))"),
        "TimeSpan" => Uses("new TimeSpan(0, 0, 0, 0, 0)"),
        "DateOnly" => Uses("new DateOnly(1, 1, 1)"),
        "TimeOnly" => Uses("new TimeOnly(0, 0, 0)"),
        _ => null,
    };

    private string Uses(string systemExpression)
    {
        Usings.Add("System");
        return systemExpression;
    }

    /// <summary>EF Core's database action for a DeleteBehavior (measured: the Client* behaviors and ClientSetNull are NO ACTION).</summary>
    private static string? ReferentialAction(string? deleteBehavior) => deleteBehavior switch
    {
        "Cascade" => "Cascade",
        "SetNull" => "SetNull",
        "Restrict" => "Restrict",
        _ => null,
    };

    private static string PropertyName(string column, Dictionary<string, string> taken)
    {
        var name = column;
        if (!SyntaxFacts.IsValidIdentifier(name))
        {
            var builder = new StringBuilder();
            foreach (var c in column)
            {
                builder.Append(char.IsLetterOrDigit(c) || c == '_' ? c : '_');
            }

            name = builder.Length == 0 || char.IsDigit(builder[0]) ? "_" + builder : builder.ToString();
        }
        else if (SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None)
        {
            name = "@" + name;
        }

        var unique = name;
        for (var i = 2; taken.ContainsValue(unique); i++)
        {
            unique = name + i.ToString(CultureInfo.InvariantCulture);
        }

        return unique;
    }

    private static string Selector(ImmutableArray<string> columns, Dictionary<string, string> properties)
    {
        if (columns.Length == 1)
        {
            return "x => x." + Property(columns[0], properties);
        }

        var parts = new List<string>();
        foreach (var column in columns)
        {
            parts.Add("x." + Property(column, properties));
        }

        return "x => new { " + string.Join(", ", parts) + " }";
    }

    private static string Property(string column, Dictionary<string, string> properties)
        => properties.TryGetValue(column, out var property) ? property : column;

    private static bool SchemaMatches(string? left, string? right) => left is null || right is null || left == right;

    internal static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private static string StringArray(ImmutableArray<string> values)
    {
        var items = new List<string>();
        foreach (var value in values)
        {
            items.Add(Literal(value));
        }

        return "new[] { " + string.Join(", ", items) + " }";
    }

    private static string Qualified(string? schema, string? name) => (schema is null ? string.Empty : schema + ".") + (name ?? "?");

    private static string Abbreviate(string? sql)
    {
        if (sql is null)
        {
            return "(SQL not known statically)";
        }

        var line = sql.Replace("\r", " ").Replace("\n", " ").Trim();
        return line.Length <= 100 ? line : line.Substring(0, 97) + "...";
    }

    /// <summary>An Up invocation's arguments as source text, by parameter name, re-indented for Down.</summary>
    private sealed class UpCall
    {
        private readonly Dictionary<string, string> _arguments = new(StringComparer.Ordinal);

        public UpCall(MigrationOperation operation, CallText text)
        {
            Operation = operation;
            var invocation = operation.Invocation;
            var statementIndent = IndentationOf(invocation.Syntax);
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is not { } parameter || argument.ArgumentKind == ArgumentKind.DefaultValue || argument.Syntax is not ArgumentSyntax syntax)
                {
                    continue;
                }

                Parameters.Add(parameter.Name);
                if (CopyableText(argument, syntax) is { } copied)
                {
                    _arguments[parameter.Name] = Reindent(copied, statementIndent, text.Indent, text.NewLine);
                }
                else
                {
                    CanCopy = false;
                }
            }

            if (invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax { Name: GenericNameSyntax generic } } && generic.TypeArgumentList.Arguments.Count == 1)
            {
                TypeArgument = generic.TypeArgumentList.Arguments[0].ToString();
            }

            // .Annotation(…) / .OldAnnotation(…) chained on the call.
            for (var node = invocation.Syntax; node.Parent is MemberAccessExpressionSyntax member && member.Parent is InvocationExpressionSyntax outer; node = outer)
            {
                Chain.Add(new KeyValuePair<string, string>(member.Name.Identifier.ValueText, Reindent(outer.ArgumentList.ToString(), statementIndent, text.Indent, text.NewLine)));
            }
        }

        public MigrationOperation Operation { get; }

        public bool CanCopy { get; } = true;

        public string? TypeArgument { get; }

        public List<string> Parameters { get; } = new();

        public List<KeyValuePair<string, string>> Chain { get; } = new();

        public string? this[string parameter] => _arguments.TryGetValue(parameter, out var value) ? value : null;

        /// <summary>The T of typeof(T) passed for <paramref name="parameter"/>.</summary>
        public string? TypeOfOperand(string parameter)
        {
            foreach (var argument in Operation.Invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameter && argument.Syntax is ArgumentSyntax { Expression: TypeOfExpressionSyntax typeOf })
                {
                    return typeOf.Type.ToString();
                }
            }

            return null;
        }

        /// <summary>The inserted rows as source text: column names and, per row, each value's expression.</summary>
        public InsertedRows? Rows(MigrationOperation insert)
        {
            var columns = new List<string>();
            if (insert["columns"].Value is string[] many)
            {
                columns.AddRange(many);
            }
            else if (insert.GetString("column") is { } single)
            {
                columns.Add(single);
            }
            else
            {
                return null;
            }

            var rows = new List<List<string>>();
            ExpressionSyntax? values = null;
            foreach (var argument in Operation.Invocation.Arguments)
            {
                if (argument.Parameter?.Name is "values" or "value" && argument.Syntax is ArgumentSyntax syntax)
                {
                    if (argument.Parameter.Name == "value")
                    {
                        rows.Add(new List<string> { syntax.Expression.ToString() });
                        return new InsertedRows(columns, rows);
                    }

                    values = syntax.Expression;
                }
            }

            var initializer = values switch
            {
                ArrayCreationExpressionSyntax array => array.Initializer,
                ImplicitArrayCreationExpressionSyntax array => array.Initializer,
                _ => null,
            };
            if (initializer is null)
            {
                return null;
            }

            var rank = values is ArrayCreationExpressionSyntax { Type.RankSpecifiers: { Count: > 0 } ranks } ? ranks[0].Rank : 1;
            if (rank == 2)
            {
                foreach (var row in initializer.Expressions)
                {
                    if (row is not InitializerExpressionSyntax cells)
                    {
                        return null;
                    }

                    var list = new List<string>();
                    foreach (var cell in cells.Expressions)
                    {
                        list.Add(cell.ToString());
                    }

                    rows.Add(list);
                }
            }
            else if (columns.Count == 1 && insert["columns"].State != ArgumentState.Constant)
            {
                // column + values: one row per value.
                foreach (var cell in initializer.Expressions)
                {
                    rows.Add(new List<string> { cell.ToString() });
                }
            }
            else
            {
                var list = new List<string>();
                foreach (var cell in initializer.Expressions)
                {
                    list.Add(cell.ToString());
                }

                rows.Add(list);
            }

            return new InsertedRows(columns, rows);
        }

        /// <summary>The argument's text, or its constant's literal when it names a local or parameter of Up; null when neither works in Down.</summary>
        private static string? CopyableText(IArgumentOperation argument, ArgumentSyntax syntax)
        {
            foreach (var operation in argument.Value.DescendantsAndSelf())
            {
                // A local or parameter of Up (not one declared inside the argument, like a lambda's), or the migration instance.
                var outside = operation switch
                {
                    ILocalReferenceOperation local => !DeclaredWithin(local.Local, syntax),
                    IParameterReferenceOperation parameter => !DeclaredWithin(parameter.Parameter, syntax),
                    IInstanceReferenceOperation { ReferenceKind: InstanceReferenceKind.ContainingTypeInstance } => true,
                    _ => false,
                };
                if (outside)
                {
                    var constant = argument.Value.ConstantValue;
                    if (!constant.HasValue)
                    {
                        return null;
                    }

                    return constant.Value switch
                    {
                        null => "null",
                        string text => Literal(text),
                        bool flag => flag ? "true" : "false",
                        _ => SymbolDisplay.FormatPrimitive(constant.Value, quoteStrings: true, useHexadecimalNumbers: false),
                    };
                }
            }

            return syntax.Expression.ToString();
        }

        private static bool DeclaredWithin(ISymbol symbol, SyntaxNode node)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == node.SyntaxTree && node.Span.Contains(reference.Span))
                {
                    return true;
                }
            }

            return false;
        }

        private static string IndentationOf(SyntaxNode node)
        {
            var statement = node.FirstAncestorOrSelf<StatementSyntax>() ?? node;
            var line = statement.SyntaxTree.GetText().Lines.GetLineFromPosition(statement.SpanStart);
            var text = line.ToString();
            var length = 0;
            while (length < text.Length && (text[length] == ' ' || text[length] == '\t'))
            {
                length++;
            }

            return text.Substring(0, length);
        }

        /// <summary>Moves the continuation lines of a multi-line expression from Up's statement indentation to Down's.</summary>
        private static string Reindent(string text, string from, string to, string newLine)
        {
            if (text.IndexOf('\n') < 0)
            {
                return text;
            }

            var lines = text.Replace("\r\n", "\n").Split('\n');
            var result = new StringBuilder(lines[0]);
            for (var i = 1; i < lines.Length; i++)
            {
                var line = lines[i];
                result.Append(newLine).Append(line.StartsWith(from, StringComparison.Ordinal) ? to + line.Substring(from.Length) : line);
            }

            return result.ToString();
        }
    }

    private sealed class InsertedRows
    {
        public InsertedRows(List<string> columns, List<List<string>> values)
        {
            Columns = columns;
            Values = values;
        }

        public List<string> Columns { get; }

        public List<List<string>> Values { get; }
    }
}
