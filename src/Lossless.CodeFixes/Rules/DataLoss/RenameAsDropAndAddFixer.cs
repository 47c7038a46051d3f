using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes.Migrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.CodeFixes.Rules.DataLoss;

/// <summary>
/// LL1006: replaces the drop + add pair with RenameColumn (plus an AlterColumn when the type or nullability changed
/// too) or RenameTable, and Down's drop + add with the reverse. The column's old definition comes from the AddColumn
/// EF scaffolds in Down.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameAsDropAndAddFixer)), Shared]
public sealed class RenameAsDropAndAddFixer : MigrationFixer
{
    private static readonly string[] AddColumnParameters =
    [
        "name", "table", "type", "unicode", "maxLength", "rowVersion", "schema", "nullable", "defaultValue", "defaultValueSql",
        "computedColumnSql", "fixedLength", "comment", "collation", "precision", "scale", "stored",
    ];

    /// <summary>The AddColumn arguments that define the column; AlterColumn has each, and each with an "old" twin.</summary>
    private static readonly string[] Facets =
    [
        "type", "unicode", "maxLength", "rowVersion", "nullable", "defaultValue", "defaultValueSql", "computedColumnSql",
        "fixedLength", "comment", "collation", "precision", "scale", "stored",
    ];

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RenameAsDropAndAdd);

    internal override IEnumerable<(string Title, string Key)> Actions(Diagnostic diagnostic)
    {
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Target, out var target);
        diagnostic.Properties.TryGetValue(DiagnosticProperties.NewName, out var newName);
        if (target == "Column")
        {
            yield return ($"Rename the column to '{newName}' instead of dropping and adding it", FixerKeys.LL1006_Rename);
        }
        else if (target == "Table" && diagnostic.Properties.ContainsKey(DiagnosticProperties.CanRename))
        {
            yield return ($"Rename the table to '{newName}' instead of dropping and creating it", FixerKeys.LL1006_Rename);
        }
    }

    internal override SyntaxNode Apply(SyntaxNode root, FixTarget target, string key)
        => target.Property(DiagnosticProperties.Target) == "Table" ? RenameTable(root, target) : RenameColumn(root, target);

    private static SyntaxNode RenameColumn(SyntaxNode root, FixTarget target)
    {
        var schema = target.Property(DiagnosticProperties.Schema);
        var table = target.Property(DiagnosticProperties.Table)!;
        var oldName = target.Property(DiagnosticProperties.Column)!;
        var newName = target.Property(DiagnosticProperties.NewName)!;
        var drop = target.Statement(root)!;
        var builder = MigrationEdits.Builder(drop);
        var upAdd = target.Find(root, "UpAdd");
        var downAdd = target.Find(root, "DownAdd");
        var added = upAdd is null ? null : MigrationEdits.Invocation(upAdd);
        var readded = downAdd is null ? null : MigrationEdits.Invocation(downAdd);
        var newDefinition = added is null ? (ColumnDefinition?)null : Definition(added);
        var oldDefinition = readded is null ? (ColumnDefinition?)null : Definition(readded);
        var changed = newDefinition is not null && oldDefinition is not null && !SameDefinition(newDefinition.Value, oldDefinition.Value);
        var qualified = (schema is null ? string.Empty : schema + ".") + table;

        // Down: alter back, then rename back, in place of its drop of the new column; its re-add of the old one goes.
        var downDrop = target.Find(root, "DownDrop");
        var down = target.Down(root);
        if (down is not null)
        {
            var indent = downDrop is not null ? MigrationEdits.Indentation(downDrop) : MigrationEdits.Indentation(down) + "    ";
            var steps = new List<Step>();
            if (changed)
            {
                steps.Add(new Step($"Give {qualified}.{newName} its old type and nullability back before the rename.", AlterColumn(builder, newName, table, schema, oldDefinition!.Value, newDefinition!.Value, indent)));
            }

            steps.Add(new Step($"Rename {qualified}.{newName} back to {oldName}: its values stay.", RenameColumnCall(builder, newName, table, schema, oldName, indent)));
            root = downDrop is not null ? MigrationEdits.Replace(root, downDrop, steps) : MigrationEdits.Prepend(root, target.Down(root)!, steps);
            if (target.Find(root, "DownAdd") is { } staleAdd)
            {
                root = MigrationEdits.Remove(root, staleAdd);
            }
        }

        drop = target.Statement(root)!;
        var upIndent = MigrationEdits.Indentation(drop);
        var renameComment = oldDefinition is null && newDefinition is not null
            ? $"Rename {qualified}.{oldName} to {newName} instead of dropping it: a rename keeps every value. Down has no AddColumn for {oldName}, so its old type is unknown here: if it changed, add an AlterColumn."
            : $"Rename {qualified}.{oldName} to {newName} instead of dropping it: a rename keeps every value.";
        var upSteps = new List<Step> { new(renameComment, RenameColumnCall(builder, oldName, table, schema, newName, upIndent)) };
        if (changed)
        {
            upSteps.Add(new Step($"Then change its type and nullability to what the model now says.", AlterColumn(builder, newName, table, schema, newDefinition!.Value, oldDefinition!.Value, upIndent)));
        }

        root = MigrationEdits.Replace(root, drop, upSteps);
        return target.Find(root, "UpAdd") is { } staleUpAdd ? MigrationEdits.Remove(root, staleUpAdd) : root;
    }

    private static SyntaxNode RenameTable(SyntaxNode root, FixTarget target)
    {
        var schema = target.Property(DiagnosticProperties.Schema);
        var oldTable = target.Property(DiagnosticProperties.Table)!;
        var newTable = target.Property(DiagnosticProperties.NewName)!;
        var newSchema = target.Properties(DiagnosticProperties.NewSchema) ? target.Property(DiagnosticProperties.NewSchema) : schema;
        var newKey = target.Property(DiagnosticProperties.PrimaryKeyName);
        var oldKey = target.Property(DiagnosticProperties.OldPrimaryKeyName);
        var keyColumns = target.Lines(DiagnosticProperties.KeyColumns);

        // SQLite keeps no constraint names that matter, and would rebuild the table for a key change.
        var renameKey = newKey is not null && oldKey is not null && newKey != oldKey && keyColumns.Count > 0 && target.Provider != DatabaseProvider.Sqlite;
        var drop = target.Statement(root)!;
        var builder = MigrationEdits.Builder(drop);

        var downDrop = target.Find(root, "DownDrop");
        if (target.Down(root) is { } down)
        {
            var indent = downDrop is not null ? MigrationEdits.Indentation(downDrop) : MigrationEdits.Indentation(down) + "    ";
            var steps = new List<Step>();
            if (renameKey)
            {
                steps.Add(new Step($"Give the primary key its old name back.", KeyCall(builder, "DropPrimaryKey", newKey!, newTable, newSchema, null, indent)));
                steps.Add(new Step(string.Empty, KeyCall(builder, "AddPrimaryKey", oldKey!, newTable, newSchema, keyColumns, indent)));
            }

            steps.Add(new Step($"Rename {newTable} back to {oldTable}: its rows stay.", RenameTableCall(builder, newTable, newSchema, oldTable, schema, indent)));
            root = downDrop is not null ? MigrationEdits.Replace(root, downDrop, steps) : MigrationEdits.Prepend(root, target.Down(root)!, steps);
            if (target.Find(root, "DownAdd") is { } staleCreate)
            {
                root = MigrationEdits.Remove(root, staleCreate);
            }
        }

        drop = target.Statement(root)!;
        var upIndent = MigrationEdits.Indentation(drop);
        var upSteps = new List<Step>
        {
            new($"Rename {oldTable} to {newTable} instead of dropping it: a rename keeps every row.", RenameTableCall(builder, oldTable, schema, newTable, newSchema, upIndent)),
        };
        if (renameKey)
        {
            upSteps.Add(new Step($"Name the primary key as the model now does.", KeyCall(builder, "DropPrimaryKey", oldKey!, newTable, newSchema, null, upIndent)));
            upSteps.Add(new Step(string.Empty, KeyCall(builder, "AddPrimaryKey", newKey!, newTable, newSchema, keyColumns, upIndent)));
        }

        root = MigrationEdits.Replace(root, drop, upSteps);
        return target.Find(root, "UpAdd") is { } staleUpCreate ? MigrationEdits.Remove(root, staleUpCreate) : root;
    }

    private readonly struct ColumnDefinition
    {
        public ColumnDefinition(string? clrType, List<(string Name, string Value)> facets)
        {
            ClrType = clrType;
            Facets = facets;
        }

        public string? ClrType { get; }

        public List<(string Name, string Value)> Facets { get; }
    }

    private static ColumnDefinition Definition(InvocationExpressionSyntax addColumn)
    {
        var facets = new List<(string, string)>();
        foreach (var (name, argument) in MigrationEdits.Arguments(addColumn, AddColumnParameters))
        {
            if (System.Array.IndexOf(Facets, name) >= 0)
            {
                facets.Add((name, argument.Expression.ToString()));
            }
        }

        return new ColumnDefinition(MigrationEdits.TypeArgument(addColumn), facets);
    }

    private static bool SameDefinition(ColumnDefinition left, ColumnDefinition right)
    {
        if (left.ClrType != right.ClrType)
        {
            return false;
        }

        foreach (var facet in Facets)
        {
            // A default only fills the rows of an added column: it says nothing of the column itself.
            if (facet != "defaultValue" && Value(left, facet) != Value(right, facet))
            {
                return false;
            }
        }

        return true;
    }

    private static string Value(ColumnDefinition definition, string facet)
    {
        foreach (var (name, value) in definition.Facets)
        {
            if (name == facet)
            {
                return value;
            }
        }

        return facet == "nullable" ? "false" : string.Empty;
    }

    private static string AlterColumn(string builder, string name, string table, string? schema, ColumnDefinition to, ColumnDefinition from, string indent)
    {
        var arguments = new List<(string, string)> { ("name", MigrationEdits.Quote(name)), ("table", MigrationEdits.Quote(table)) };
        if (schema is not null)
        {
            arguments.Add(("schema", MigrationEdits.Quote(schema)));
        }

        arguments.AddRange(to.Facets);
        if (from.ClrType is not null)
        {
            arguments.Add(("oldClrType", "typeof(" + from.ClrType + ")"));
        }

        foreach (var (facet, value) in from.Facets)
        {
            if (facet != "defaultValue" || value != "null")
            {
                arguments.Add(("old" + char.ToUpperInvariant(facet[0]) + facet.Substring(1), value));
            }
        }

        return MigrationEdits.Call(builder, "AlterColumn", to.ClrType, arguments, indent);
    }

    private static string RenameColumnCall(string builder, string name, string table, string? schema, string newName, string indent)
    {
        var arguments = new List<(string, string)> { ("name", MigrationEdits.Quote(name)), ("table", MigrationEdits.Quote(table)) };
        if (schema is not null)
        {
            arguments.Add(("schema", MigrationEdits.Quote(schema)));
        }

        arguments.Add(("newName", MigrationEdits.Quote(newName)));
        return MigrationEdits.Call(builder, "RenameColumn", null, arguments, indent);
    }

    private static string RenameTableCall(string builder, string name, string? schema, string newName, string? newSchema, string indent)
    {
        var arguments = new List<(string, string)> { ("name", MigrationEdits.Quote(name)) };
        if (schema is not null)
        {
            arguments.Add(("schema", MigrationEdits.Quote(schema)));
        }

        arguments.Add(("newName", MigrationEdits.Quote(newName)));
        if (newSchema != schema)
        {
            arguments.Add(("newSchema", newSchema is null ? "null" : MigrationEdits.Quote(newSchema)));
        }

        return MigrationEdits.Call(builder, "RenameTable", null, arguments, indent);
    }

    private static string KeyCall(string builder, string method, string name, string table, string? schema, IReadOnlyList<string>? columns, string indent)
    {
        var arguments = new List<(string, string)> { ("name", MigrationEdits.Quote(name)) };
        if (schema is not null)
        {
            arguments.Add(("schema", MigrationEdits.Quote(schema)));
        }

        arguments.Add(("table", MigrationEdits.Quote(table)));
        if (columns is { Count: 1 })
        {
            arguments.Add(("column", MigrationEdits.Quote(columns[0])));
        }
        else if (columns is not null)
        {
            var list = new List<string>();
            foreach (var column in columns)
            {
                list.Add(MigrationEdits.Quote(column));
            }

            arguments.Add(("columns", "new[] { " + string.Join(", ", list) + " }"));
        }

        return MigrationEdits.Call(builder, method, null, arguments, indent);
    }
}
