using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Threading;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.Analyzers.Rules.Correctness;

/// <summary>
/// LL4001: a [Migration] id EF Core rejects as an id (not 14 digits, '_', a name), the same id on two migrations of one
/// DbContext, or an id that sorts before the migration that introduces a table or column its Up uses. EF Core orders a
/// context's migrations by id in a SortedList (culture-sensitive text order) and keys them by id (tests/Lossless.DataTests/Correctness/MigrationIdFactsTests
/// show what it does with each). Reported on the [Migration] attribute's argument, once per case.
/// </summary>
internal sealed class MigrationIdRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL4001_MigrationIdInvalid);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        if (migration.Id is not { } id)
        {
            return;
        }

        // The attribute's syntax is looked up only for a migration with something to report.
        var location = new Lazy<Location?>(() => IdLocation(migration.Type, context.CancellationToken), LazyThreadSafetyMode.None);
        if (!MigrationIds.IsValid(id))
        {
            // Letters sort after digits whatever the culture; other malformed ids sort where their text puts them.
            var position = char.IsLetter(id[0]) ? "after every migration whose id starts with a timestamp" : "where its text sorts";
            Report(context, location.Value, id, "is not yyyyMMddHHmmss_Name (14 digits, '_', a name), the form EF Core generates and accepts as an id: EF Core orders migrations by comparing ids as text, so it runs " + position);
        }

        var migrations = migration.Index?.MigrationsOfContext(migration.Type, context.CancellationToken);
        if (migrations is null)
        {
            return;
        }

        var others = migrations.OthersWithId(migration.Type, id);
        if (others.Count > 0)
        {
            Report(context, location.Value, id, $"is also the id of {Names(others)} of the same DbContext: EF Core keys migrations by id and fails to list them (ArgumentException), before it applies any");
        }

        if (FirstLaterUse(migration, id, migrations, context) is { } use)
        {
            Report(context, location.Value, id, use);
        }
    }

    /// <summary>The first operation of Up (in order) that uses a table or column a migration with a later id introduces, as the message's tail.</summary>
    private static string? FirstLaterUse(MigrationModel migration, string id, ContextMigrations migrations, RuleContext context)
    {
        MigrationHistory? history = null;
        var columns = new List<string>();
        foreach (var operation in migration.Up)
        {
            var table = UsedTable(operation);
            if (table is null && operation.Kind != MigrationOperationKind.CreateTable && operation.Kind != MigrationOperationKind.AddForeignKey)
            {
                continue;
            }

            history ??= migrations.History(context.CancellationToken);
            if (table is not null && history.LaterTable(table, id) is { } laterTable && IsLater(id, laterTable, operation.Schema))
            {
                return Message(laterTable, TableText(laterTable.Verb, table), operation);
            }

            // The principal tables and columns of foreign keys, declared in CreateTable or added by AddForeignKey.
            foreach (var (principal, principalSchema, principalColumns) in Principals(operation))
            {
                if (history.LaterTable(principal, id) is { } laterPrincipal && IsLater(id, laterPrincipal, principalSchema))
                {
                    return Message(laterPrincipal, TableText(laterPrincipal.Verb, principal), operation);
                }

                foreach (var column in principalColumns)
                {
                    if (history.LaterColumn(principal, column, id) is { } laterColumn && IsLater(id, laterColumn, principalSchema))
                    {
                        return Message(laterColumn, ColumnText(laterColumn.Verb, principal, column), operation);
                    }
                }
            }

            if (table is null)
            {
                continue;
            }

            columns.Clear();
            UsedColumns(operation, columns);
            foreach (var column in columns)
            {
                if (history.LaterColumn(table, column, id) is { } laterColumn && IsLater(id, laterColumn, operation.Schema))
                {
                    return Message(laterColumn, ColumnText(laterColumn.Verb, table, column), operation);
                }
            }
        }

        return null;
    }

    /// <summary>The existing table an operation works on; null for operations that create their table or name none.</summary>
    private static string? UsedTable(MigrationOperation operation) => operation.Kind switch
    {
        MigrationOperationKind.AddColumn
            or MigrationOperationKind.AlterColumn
            or MigrationOperationKind.DropColumn
            or MigrationOperationKind.RenameColumn
            or MigrationOperationKind.CreateIndex
            or MigrationOperationKind.DropIndex
            or MigrationOperationKind.RenameIndex
            or MigrationOperationKind.AddForeignKey
            or MigrationOperationKind.DropForeignKey
            or MigrationOperationKind.AddPrimaryKey
            or MigrationOperationKind.DropPrimaryKey
            or MigrationOperationKind.AddUniqueConstraint
            or MigrationOperationKind.DropUniqueConstraint
            or MigrationOperationKind.AddCheckConstraint
            or MigrationOperationKind.CreateCheckConstraint
            or MigrationOperationKind.DropCheckConstraint
            or MigrationOperationKind.InsertData
            or MigrationOperationKind.UpdateData
            or MigrationOperationKind.DeleteData
            or MigrationOperationKind.DropTable
            or MigrationOperationKind.RenameTable => operation.Table,
        MigrationOperationKind.AlterTable => operation.GetString("name"),
        _ => null,
    };

    /// <summary>The existing columns an operation works on, when constant.</summary>
    private static void UsedColumns(MigrationOperation operation, List<string> columns)
    {
        switch (operation.Kind)
        {
            case MigrationOperationKind.AlterColumn:
            case MigrationOperationKind.DropColumn:
            case MigrationOperationKind.RenameColumn:
                AddString(operation.GetString("name"), columns);
                break;
            case MigrationOperationKind.CreateIndex:
            case MigrationOperationKind.AddForeignKey:
            case MigrationOperationKind.AddPrimaryKey:
            case MigrationOperationKind.AddUniqueConstraint:
                AddString(operation.GetString("column"), columns);
                AddStrings(operation["columns"].Value, columns);
                break;
        }
    }

    /// <summary>True when the introduction surely runs after <paramref name="id"/>, in a schema the use may name.</summary>
    private static bool IsLater(string id, Introduction introduction, string? schema)
        => MigrationIds.SurelyBefore(id, introduction.Id) && ColumnRef.SchemasMatch(introduction.Schema, schema);

    private static IEnumerable<(string Table, string? Schema, List<string> Columns)> Principals(MigrationOperation operation)
    {
        if (operation.Kind == MigrationOperationKind.AddForeignKey)
        {
            if (operation.GetString("principalTable") is { } principal)
            {
                var columns = new List<string>();
                AddString(operation.GetString("principalColumn"), columns);
                AddStrings(operation["principalColumns"].Value, columns);
                yield return (principal, operation.GetString("principalSchema"), columns);
            }
        }
        else if (operation.Kind == MigrationOperationKind.CreateTable)
        {
            foreach (var constraint in operation.Constraints)
            {
                if (constraint.Kind == ConstraintKind.ForeignKey && constraint.PrincipalTable is { } principal)
                {
                    var columns = new List<string>();
                    foreach (var column in constraint.PrincipalColumns)
                    {
                        AddString(column, columns);
                    }

                    yield return (principal, constraint.PrincipalSchema, columns);
                }
            }
        }
    }

    private static void AddString(string? value, List<string> values)
    {
        if (value is not null)
        {
            values.Add(value);
        }
    }

    private static void AddStrings(object? value, List<string> values)
    {
        if (value is string[] strings)
        {
            foreach (var item in strings)
            {
                AddString(item, values);
            }
        }
    }

    private static string TableText(string verb, string table)
        => verb == Introduction.Creates ? "creates table '" + table + "'" : "renames a table to '" + table + "'";

    private static string ColumnText(string verb, string table, string column) => verb switch
    {
        Introduction.Adds => "adds column '" + column + "' to '" + table + "'",
        Introduction.Renames => "renames a column of '" + table + "' to '" + column + "'",
        _ => "creates column '" + column + "' of '" + table + "'",
    };

    private static string Message(Introduction later, string what, MigrationOperation use)
        => $"sorts before '{later.Id}' ({later.Type.Name}), which {what} that this migration's {use.MethodName} uses: EF Core applies this migration first, before that exists";

    private static string Names(IReadOnlyList<INamedTypeSymbol> types)
    {
        var text = new StringBuilder();
        for (var i = 0; i < types.Count; i++)
        {
            text.Append(i == 0 ? "'" : ", '").Append(types[i].Name).Append('\'');
        }

        return text.ToString();
    }

    /// <summary>Reports on the id argument; nothing when the attribute has no syntax to point at.</summary>
    private static void Report(RuleContext context, Location? location, string id, string what)
    {
        if (location is not null)
        {
            context.Report(Diagnostic.Create(Descriptors.LL4001_MigrationIdInvalid, location, id, what));
        }
    }

    /// <summary>The id argument of [Migration(…)], in whichever partial file carries it (EF scaffolds it into the .Designer.cs).</summary>
    private static Location? IdLocation(INamedTypeSymbol type, System.Threading.CancellationToken cancellationToken)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass is { Name: "MigrationAttribute", ContainingNamespace: { Name: "Migrations", ContainingNamespace: { Name: "EntityFrameworkCore", ContainingNamespace: { Name: "Microsoft", ContainingNamespace.IsGlobalNamespace: true } } } }
                && attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is AttributeSyntax { ArgumentList.Arguments: { Count: > 0 } arguments })
            {
                return arguments[0].Expression.GetLocation();
            }
        }

        return null;
    }
}
