using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.CodeFixes.Migrations;
using Lossless.CodeFixes.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.DataLoss;

/// <summary>
/// LL1007. When the target model declares the column's default (HasDefaultValue), the AlterColumn gets it as its
/// defaultValue. Else an UPDATE of the rows holding NULL goes before the AlterColumn, its value left to choose
/// (NULL /* lossless: choose */) and EF's placeholder default removed: left as it is, making the column required
/// fails on those rows, and the rule keeps reporting until a person writes the value.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MadeRequiredFixer)), Shared]
public sealed class MadeRequiredFixer : MigrationFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.MadeRequired);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        if (UnchosenValue.IsLeftToChoose(diagnostic))
        {
            yield break;
        }

        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.ModelDefault, out var modelDefault) && modelDefault is not null)
        {
            yield return new FixOffer($"Give the rows that hold NULL the model's default ({modelDefault})", FixerKeys.LL1007_UseModelDefault);
        }

        yield return new FixOffer("Fill the rows that hold NULL with a value you choose, then make the column required", FixerKeys.LL1007_BackfillNulls);
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => [FixerKeys.LL1007_UseModelDefault, FixerKeys.LL1007_BackfillNulls];

    internal override bool Write(FixRequest request)
    {
        if (request.Statement is not { } statement
            || DocumentEdits.Invocation(statement) is not { } invocation
            || LoadedMigration.ReceiverOf(request.Operation!) is not { } builder
            || request.Property(DiagnosticProperties.Table) is not { } table
            || request.Property(DiagnosticProperties.Column) is not { } column)
        {
            return false;
        }

        var edits = request.Edits;
        if (request.Key == FixerKeys.LL1007_UseModelDefault)
        {
            if (request.Property(DiagnosticProperties.ModelDefault) is not { } modelDefault)
            {
                return false;
            }

            edits.SetArgument(invocation, "defaultValue", modelDefault, after: "nullable");
            return true;
        }

        var schema = request.Property(DiagnosticProperties.Schema);
        var qualified = (schema is null ? string.Empty : schema + ".") + table + "." + column;
        var placeholder = request.Property(DiagnosticProperties.Placeholder);
        edits.InsertBefore(statement, edits.Code(builder)
            .Comment(placeholder is null
                ? $"{qualified} becomes required: choose the value the rows that hold NULL get, in place of {UnchosenValue.Sql}. Left as it is, the migration fails on those rows."
                : $"{qualified} becomes required: choose the value the rows that hold NULL get, in place of {UnchosenValue.Sql} (EF's placeholder {placeholder} is gone). Left as it is, the migration fails on those rows.")
            .Sql(SqlWriter.BackfillNulls(request.Migration.Provider, schema, table, column, UnchosenValue.Sql)));

        // EF's placeholder would turn the NULLs left into it silently: without it they make the AlterColumn fail.
        if (placeholder is not null)
        {
            edits.RemoveArgument(invocation, "defaultValue");
        }

        return true;
    }
}
