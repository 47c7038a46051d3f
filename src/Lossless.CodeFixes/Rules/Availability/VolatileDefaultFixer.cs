using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes.Migrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.Availability;

/// <summary>
/// LL3007: the column is added without its volatile default (and nullable), the default is set for new rows, the
/// existing rows are filled with it by one UPDATE in a step with suppressTransaction: true (row locks only: reads go on),
/// and a column that was required is made required after (LL3006 then shows the scan that takes; its fix applies).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(VolatileDefaultFixer)), Shared]
public sealed class VolatileDefaultFixer : MigrationFixer
{
    private static readonly string[] Facets = ["type", "unicode", "maxLength", "fixedLength", "precision", "scale", "comment", "collation"];

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.VolatileDefault);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        yield return new FixOffer("Add the column without the volatile default, then fill the existing rows outside the transaction", FixerKeys.LL3007_AddThenBackfill);
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => [FixerKeys.LL3007_AddThenBackfill];

    internal override bool Write(FixRequest request)
    {
        if (request.Statement is not { } statement
            || request.Operation is not { } operation
            || DocumentEdits.Invocation(statement) is not { } invocation
            || LoadedMigration.ReceiverOf(operation) is not { } builder
            || request.Property(DiagnosticProperties.Table) is not { } table
            || request.Property(DiagnosticProperties.Column) is not { } column
            || request.Property(DiagnosticProperties.DefaultSql) is not { } defaultSql
            || !operation["nullable"].IsKnown)
        {
            return false;
        }

        var schema = request.Property(DiagnosticProperties.Schema);
        var quotedTable = SqlDialect.QuoteTable(DatabaseProvider.PostgreSql, schema, table);
        var quotedColumn = SqlDialect.QuoteIdentifier(DatabaseProvider.PostgreSql, column);
        var required = operation["nullable"].Value is false;
        var edits = request.Edits;
        var code = edits.Code(builder)
            .Comment("New rows get the default; the existing rows are filled outside the migration's transaction, under row locks only (LL3007).")
            .Sql("ALTER TABLE " + quotedTable + " ALTER COLUMN " + quotedColumn + " SET DEFAULT " + defaultSql + ";")
            .SqlOutsideTransaction("UPDATE " + quotedTable + " SET " + quotedColumn + " = " + defaultSql + " WHERE " + quotedColumn + " IS NULL;");
        if (required)
        {
            var typeArgument = DocumentEdits.TypeArgument(invocation);
            var arguments = new List<Argument> { Argument.String("name", column), Argument.String("table", table) };
            if (schema is not null)
            {
                arguments.Add(Argument.String("schema", schema));
            }

            var facets = new List<Argument>();
            foreach (var argument in LoadedMigration.ArgumentsOf(operation))
            {
                if (Array.IndexOf(Facets, argument.Name) >= 0)
                {
                    facets.Add(argument);
                }
            }

            arguments.AddRange(facets);
            arguments.Add(new Argument("nullable", "false"));
            arguments.Add(Argument.String("defaultValueSql", defaultSql));
            if (typeArgument is not null)
            {
                arguments.Add(new Argument("oldClrType", "typeof(" + typeArgument + ")"));
            }

            foreach (var facet in facets)
            {
                arguments.Add(new Argument("old" + char.ToUpperInvariant(facet.Name[0]) + facet.Name.Substring(1), facet.Code));
            }

            arguments.Add(new Argument("oldNullable", "true"));
            arguments.Add(Argument.String("oldDefaultValueSql", defaultSql));
            code.Comment("Only now make " + (schema is null ? string.Empty : schema + ".") + table + "." + column + " required: every row has a value.")
                .Call("AlterColumn", typeArgument, arguments.ToArray());
            edits.SetArgument(invocation, "nullable", "true", after: "type");
        }

        edits.RemoveArgument(invocation, "defaultValueSql");
        edits.InsertAfter(statement, code);
        return true;
    }
}
