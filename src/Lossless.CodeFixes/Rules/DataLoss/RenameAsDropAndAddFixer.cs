using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes.Migrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.DataLoss;

/// <summary>
/// LL1006: replaces the drop + add pair with RenameColumn (plus an AlterColumn when the type or nullability changed
/// too) or RenameTable, and Down's drop + add with the reverse. The column's old definition comes from the AddColumn
/// EF scaffolds in Down.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RenameAsDropAndAddFixer)), Shared]
public sealed class RenameAsDropAndAddFixer : MigrationFixer
{
    /// <summary>The AddColumn arguments that define the column; AlterColumn has each, and each with an "old" twin.</summary>
    private static readonly string[] Facets =
    [
        "type", "unicode", "maxLength", "rowVersion", "nullable", "defaultValue", "defaultValueSql", "computedColumnSql",
        "fixedLength", "comment", "collation", "precision", "scale", "stored",
    ];

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.RenameAsDropAndAdd);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Target, out var target);
        diagnostic.Properties.TryGetValue(DiagnosticProperties.NewName, out var newName);
        if (target == "Column")
        {
            yield return new FixOffer($"Rename the column to '{newName}' instead of dropping and adding it", FixerKeys.LL1006_Rename);
        }
        else if (target == "Table" && diagnostic.Properties.ContainsKey(DiagnosticProperties.CanRename))
        {
            yield return new FixOffer($"Rename the table to '{newName}' instead of dropping and creating it", FixerKeys.LL1006_Rename);
        }
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => [FixerKeys.LL1006_Rename];

    internal override bool Write(FixRequest request)
        => request.Statement is { } drop && LoadedMigration.ReceiverOf(request.Operation!) is { } builder
        && (request.Property(DiagnosticProperties.Target) == "Table" ? RenameTable(request, drop, builder) : RenameColumn(request, drop, builder));

    private static bool RenameColumn(FixRequest request, Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax drop, string builder)
    {
        if (request.Property(DiagnosticProperties.Table) is not { } table
            || request.Property(DiagnosticProperties.Column) is not { } oldName
            || request.Property(DiagnosticProperties.NewName) is not { } newName)
        {
            return false;
        }

        var schema = request.Property(DiagnosticProperties.Schema);
        var edits = request.Edits;
        var upAdd = request.FindOperation("UpAdd");
        var downAdd = request.FindOperation("DownAdd");
        var newDefinition = upAdd is null ? (ColumnDefinition?)null : Definition(upAdd);
        var oldDefinition = downAdd is null ? (ColumnDefinition?)null : Definition(downAdd);
        var changed = newDefinition is not null && oldDefinition is not null && !SameDefinition(newDefinition.Value, oldDefinition.Value);
        var qualified = (schema is null ? string.Empty : schema + ".") + table;

        // A renamed column keeps its NULLs: made required, they need a value a person chooses, not EF's placeholder
        // (which would turn them into '' or 0 silently).
        var backfill = changed && Value(oldDefinition!.Value, "nullable") == "true" && Value(newDefinition!.Value, "nullable") == "false"
            && !HasDeliberateDefault(request, upAdd!, table, newName);
        if (backfill)
        {
            newDefinition = newDefinition!.Value.Without("defaultValue");
        }

        // Down: alter back, then rename back, in place of its drop of the new column; its re-add of the old one goes.
        var migration = request.Migration;
        if (migration.Declaration(migration.Model.DownMethod) is { } down)
        {
            var steps = edits.Code(builder);
            if (changed)
            {
                steps.Comment($"Give {qualified}.{newName} its old type and nullability back before the rename.").Call("AlterColumn", oldDefinition!.Value.ClrType, AlterColumn(newName, table, schema, oldDefinition.Value, newDefinition!.Value));
            }

            steps.Comment($"Rename {qualified}.{newName} back to {oldName}: its values stay.").Call("RenameColumn", null, RenameColumnArguments(newName, table, schema, oldName));
            // Down's re-add of the old column goes; when Down has no drop to replace, the steps take its place.
            var staleAdd = request.Find("DownAdd");
            if (request.Find("DownDrop") is { } downDrop)
            {
                edits.Replace(downDrop, steps);
                if (staleAdd is not null)
                {
                    edits.Remove(staleAdd);
                }
            }
            else if (staleAdd is not null)
            {
                edits.Replace(staleAdd, steps);
            }
            else
            {
                edits.Prepend(down, steps);
            }
        }

        var renameComment = oldDefinition is null && newDefinition is not null
            ? $"Rename {qualified}.{oldName} to {newName} instead of dropping it: a rename keeps every value. Down has no AddColumn for {oldName}, so its old type is unknown here: if it changed, add an AlterColumn."
            : $"Rename {qualified}.{oldName} to {newName} instead of dropping it: a rename keeps every value.";
        var upSteps = edits.Code(builder).Comment(renameComment).Call("RenameColumn", null, RenameColumnArguments(oldName, table, schema, newName));
        if (changed)
        {
            if (backfill)
            {
                upSteps.Comment($"{qualified}.{newName} becomes required: choose the value the rows that hold NULL get, in place of {UnchosenValue.Sql}. Left as it is, the migration fails on those rows.")
                    .Sql(Sql.SqlWriter.BackfillNulls(request.Migration.Provider, schema, table, newName, UnchosenValue.Sql));
            }

            upSteps.Comment("Then change its type and nullability to what the model now says.").Call("AlterColumn", newDefinition!.Value.ClrType, AlterColumn(newName, table, schema, newDefinition.Value, oldDefinition!.Value));
        }

        edits.Replace(drop, upSteps);
        if (request.Find("UpAdd") is { } staleUpAdd)
        {
            edits.Remove(staleUpAdd);
        }

        return true;
    }

    private static bool RenameTable(FixRequest request, Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax drop, string builder)
    {
        if (request.Property(DiagnosticProperties.Table) is not { } oldTable || request.Property(DiagnosticProperties.NewName) is not { } newTable)
        {
            return false;
        }

        var schema = request.Property(DiagnosticProperties.Schema);
        var newSchema = request.Diagnostic.Properties.ContainsKey(DiagnosticProperties.NewSchema) ? request.Property(DiagnosticProperties.NewSchema) : schema;
        var newKey = request.Property(DiagnosticProperties.PrimaryKeyName);
        var oldKey = request.Property(DiagnosticProperties.OldPrimaryKeyName);
        var keyColumns = request.Lines(DiagnosticProperties.KeyColumns);
        var edits = request.Edits;
        var migration = request.Migration;

        // SQLite keeps no constraint names that matter, and would rebuild the table for a key change.
        var renameKey = newKey is not null && oldKey is not null && newKey != oldKey && keyColumns.Count > 0 && migration.Provider != DatabaseProvider.Sqlite;
        if (migration.Declaration(migration.Model.DownMethod) is { } down)
        {
            var steps = edits.Code(builder);
            if (renameKey)
            {
                steps.Comment("Give the primary key its old name back.")
                    .Call("DropPrimaryKey", null, KeyArguments(newKey!, newTable, newSchema, null))
                    .Call("AddPrimaryKey", null, KeyArguments(oldKey!, newTable, newSchema, keyColumns));
            }

            steps.Comment($"Rename {newTable} back to {oldTable}: its rows stay.").Call("RenameTable", null, RenameTableArguments(newTable, newSchema, oldTable, schema));
            // Down's re-add of the old column goes; when Down has no drop to replace, the steps take its place.
            var staleCreate = request.Find("DownAdd");
            if (request.Find("DownDrop") is { } downDrop)
            {
                edits.Replace(downDrop, steps);
                if (staleCreate is not null)
                {
                    edits.Remove(staleCreate);
                }
            }
            else if (staleCreate is not null)
            {
                edits.Replace(staleCreate, steps);
            }
            else
            {
                edits.Prepend(down, steps);
            }
        }

        var upSteps = edits.Code(builder).Comment($"Rename {oldTable} to {newTable} instead of dropping it: a rename keeps every row.").Call("RenameTable", null, RenameTableArguments(oldTable, schema, newTable, newSchema));
        if (renameKey)
        {
            upSteps.Comment("Name the primary key as the model now does.")
                .Call("DropPrimaryKey", null, KeyArguments(oldKey!, newTable, newSchema, null))
                .Call("AddPrimaryKey", null, KeyArguments(newKey!, newTable, newSchema, keyColumns));
        }

        edits.Replace(drop, upSteps);
        if (request.Find("UpAdd") is { } staleUpCreate)
        {
            edits.Remove(staleUpCreate);
        }

        return true;
    }

    private readonly struct ColumnDefinition
    {
        public ColumnDefinition(string? clrType, List<Argument> facets)
        {
            ClrType = clrType;
            Facets = facets;
        }

        public string? ClrType { get; }

        public List<Argument> Facets { get; }

        public ColumnDefinition Without(string facet) => new(ClrType, Facets.FindAll(argument => argument.Name != facet));
    }

    /// <summary>A default on the added column that is not EF's placeholder, or that the target model declares: chosen, kept.</summary>
    private static bool HasDeliberateDefault(FixRequest request, MigrationOperation added, string table, string column)
    {
        var value = added["defaultValue"];
        if (value.State == ArgumentState.Default || (value.IsKnown && value.Value is null))
        {
            return added.IsKnown("defaultValueSql") && added.GetString("defaultValueSql") is not null;
        }

        return PlaceholderDefaults.Describe(value) is null
            || request.Migration.Model.TargetModel?.FindTable(request.Property(DiagnosticProperties.Schema), table)?.FindColumn(column)?.DefaultValue is not null;
    }

    private static ColumnDefinition Definition(MigrationOperation addColumn)
    {
        var facets = new List<Argument>();
        foreach (var argument in LoadedMigration.ArgumentsOf(addColumn))
        {
            if (Array.IndexOf(Facets, argument.Name) >= 0)
            {
                facets.Add(argument);
            }
        }

        return new ColumnDefinition(LoadedMigration.TypeArgumentOf(addColumn), facets);
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
        foreach (var argument in definition.Facets)
        {
            if (argument.Name == facet)
            {
                return argument.Code;
            }
        }

        return facet == "nullable" ? "false" : string.Empty;
    }

    private static Argument[] AlterColumn(string name, string table, string? schema, ColumnDefinition to, ColumnDefinition from)
    {
        var arguments = new List<Argument> { Argument.String("name", name), Argument.String("table", table) };
        if (schema is not null)
        {
            arguments.Add(Argument.String("schema", schema));
        }

        arguments.AddRange(to.Facets);
        if (from.ClrType is not null)
        {
            arguments.Add(new Argument("oldClrType", "typeof(" + from.ClrType + ")"));
        }

        foreach (var facet in from.Facets)
        {
            if (facet.Name != "defaultValue" || facet.Code != "null")
            {
                arguments.Add(new Argument("old" + char.ToUpperInvariant(facet.Name[0]) + facet.Name.Substring(1), facet.Code));
            }
        }

        return arguments.ToArray();
    }

    private static Argument[] RenameColumnArguments(string name, string table, string? schema, string newName)
    {
        var arguments = new List<Argument> { Argument.String("name", name), Argument.String("table", table) };
        if (schema is not null)
        {
            arguments.Add(Argument.String("schema", schema));
        }

        arguments.Add(Argument.String("newName", newName));
        return arguments.ToArray();
    }

    private static Argument[] RenameTableArguments(string name, string? schema, string newName, string? newSchema)
    {
        var arguments = new List<Argument> { Argument.String("name", name) };
        if (schema is not null)
        {
            arguments.Add(Argument.String("schema", schema));
        }

        arguments.Add(Argument.String("newName", newName));
        if (newSchema != schema)
        {
            arguments.Add(new Argument("newSchema", newSchema is null ? "null" : MigrationWriter.Literal(newSchema)));
        }

        return arguments.ToArray();
    }

    private static Argument[] KeyArguments(string name, string table, string? schema, IReadOnlyList<string>? columns)
    {
        var arguments = new List<Argument> { Argument.String("name", name) };
        if (schema is not null)
        {
            arguments.Add(Argument.String("schema", schema));
        }

        arguments.Add(Argument.String("table", table));
        if (columns is { Count: 1 })
        {
            arguments.Add(Argument.String("column", columns[0]));
        }
        else if (columns is not null)
        {
            var list = new List<string>();
            foreach (var column in columns)
            {
                list.Add(MigrationWriter.Literal(column));
            }

            arguments.Add(new Argument("columns", "new[] { " + string.Join(", ", list) + " }"));
        }

        return arguments.ToArray();
    }
}
