using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes.Migrations;
using Lossless.CodeFixes.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.DataLoss;

/// <summary>
/// LL1008 and LL1012. When the target model declares the column's default (HasDefaultValue), the AddColumn gets it as its
/// defaultValue. Else the column is added nullable, an UPDATE gives the existing rows a value left to choose
/// (NULL /* lossless: choose */), and an AlterColumn makes it required: left as it is, that AlterColumn fails on a
/// table with rows, and the rule keeps reporting until a person writes the value.
/// On SQLite an AlterColumn is a table rebuild (committed apart, and deleting the rows of tables that reference it with
/// ON DELETE CASCADE when applied in an outer transaction: LL3005, LL1011), which the AddColumn alone never was. There
/// the column is added required as it stands: when EF wrote its placeholder (which SQLite needs to add a required
/// column), an UPDATE follows the AddColumn, which fails on a table with rows if left as it is; with no default at all,
/// the AddColumn gets a default left to choose (defaultValue: null /* lossless: choose */), which SQLite refuses on any
/// table if left as it is. Either way inside the migration's one transaction.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequiredColumnAddedFixer)), Shared]
public sealed class RequiredColumnAddedFixer : MigrationFixer
{
    /// <summary>The facets an AlterColumn repeats on both sides when only nullability changes.</summary>
    private static readonly string[] Facets = ["type", "unicode", "maxLength", "fixedLength", "precision", "scale", "comment", "collation"];

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.RequiredColumnAdded, RuleIds.ExistingRowsGetPlaceholder);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        if (UnchosenValue.IsLeftToChoose(diagnostic))
        {
            yield break;
        }

        var llTwelve = diagnostic.Id == RuleIds.ExistingRowsGetPlaceholder;
        if (diagnostic.Properties.TryGetValue(DiagnosticProperties.ModelDefault, out var modelDefault) && modelDefault is not null)
        {
            yield return new FixOffer($"Give the existing rows the model's default ({modelDefault})", llTwelve ? FixerKeys.LL1012_UseModelDefault : FixerKeys.LL1008_UseModelDefault);
        }

        if (ProviderOf(diagnostic) == DatabaseProvider.Sqlite)
        {
            yield return diagnostic.Properties.TryGetValue(DiagnosticProperties.Placeholder, out var placeholder) && placeholder is not null
                ? new FixOffer("Fill the existing rows with a value you choose right after adding the column (no table rebuild)", llTwelve ? FixerKeys.LL1012_BackfillAfterAdd : FixerKeys.LL1008_BackfillAfterAdd)
                : new FixOffer("Give the column a default you choose: SQLite adds a required column only with one (no table rebuild)", FixerKeys.LL1008_ChooseDefault);
            yield break;
        }

        yield return new FixOffer("Add the column nullable, fill the existing rows with a value you choose, then make it required", llTwelve ? FixerKeys.LL1012_AddNullableBackfillRequire : FixerKeys.LL1008_AddNullableBackfillRequire);
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => diagnosticId == RuleIds.ExistingRowsGetPlaceholder
        ? [FixerKeys.LL1012_UseModelDefault, FixerKeys.LL1012_AddNullableBackfillRequire, FixerKeys.LL1012_BackfillAfterAdd]
        : [FixerKeys.LL1008_UseModelDefault, FixerKeys.LL1008_AddNullableBackfillRequire, FixerKeys.LL1008_BackfillAfterAdd, FixerKeys.LL1008_ChooseDefault];

    /// <summary>
    /// The value left to choose, written as three steps, or on SQLite as an UPDATE after the AddColumn or a default to
    /// choose, is one choice of one rule: Fix All and dotnet format with any of its keys take the one a diagnostic
    /// offers. (A key of the other rule is no choice for this one: its diagnostics get their first action, as before.)
    /// </summary>
    internal override bool SameChoice(string offered, string chosen)
        => (IsLL1008LeftToChoose(offered) && IsLL1008LeftToChoose(chosen)) || (IsLL1012LeftToChoose(offered) && IsLL1012LeftToChoose(chosen));

    private static bool IsLL1008LeftToChoose(string key)
        => key is FixerKeys.LL1008_AddNullableBackfillRequire or FixerKeys.LL1008_BackfillAfterAdd or FixerKeys.LL1008_ChooseDefault;

    private static bool IsLL1012LeftToChoose(string key)
        => key is FixerKeys.LL1012_AddNullableBackfillRequire or FixerKeys.LL1012_BackfillAfterAdd;

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
        if (request.Key is FixerKeys.LL1008_UseModelDefault or FixerKeys.LL1012_UseModelDefault)
        {
            if (request.Property(DiagnosticProperties.ModelDefault) is not { } modelDefault)
            {
                return false;
            }

            edits.SetArgument(invocation, "defaultValue", modelDefault, after: "nullable");
            return true;
        }

        if (request.Key == FixerKeys.LL1008_ChooseDefault)
        {
            // Left as it is, SQLite refuses the column on any table ("Cannot add a NOT NULL column with default value
            // NULL"), and the rule keeps reporting until a person writes the default.
            edits.SetArgument(invocation, "defaultValue", UnchosenValue.CSharpDefault, after: "nullable");
            return true;
        }

        var schema = request.Property(DiagnosticProperties.Schema);
        var qualified = (schema is null ? string.Empty : schema + ".") + table + "." + column;
        if (request.Key is FixerKeys.LL1008_BackfillAfterAdd or FixerKeys.LL1012_BackfillAfterAdd)
        {
            if (request.Property(DiagnosticProperties.Placeholder) is not { } placeholder)
            {
                return false;
            }

            // The AddColumn keeps EF's placeholder: SQLite adds a required column only with a default, and the UPDATE
            // overwrites it in every existing row before anything reads it.
            edits.InsertAfter(statement, edits.Code(builder)
                .Comment($"Choose the value the existing rows get, in place of {UnchosenValue.Sql}: until then they hold EF's placeholder {placeholder}. Left as it is, this UPDATE fails on a table with rows.")
                .Sql(SqlWriter.FillAddedColumn(request.Migration.Provider, schema, table, column, UnchosenValue.Sql)));
            return true;
        }

        var typeArgument = DocumentEdits.TypeArgument(invocation);

        // AlterColumn<T>(…, nullable: false, oldClrType: typeof(T), <the same facets as old…>, oldNullable: true).
        var arguments = new List<Argument> { Argument.String("name", column), Argument.String("table", table) };
        if (schema is not null)
        {
            arguments.Add(Argument.String("schema", schema));
        }

        var facets = new List<Argument>();
        foreach (var argument in LoadedMigration.ArgumentsOf(request.Operation!))
        {
            if (Array.IndexOf(Facets, argument.Name) >= 0)
            {
                facets.Add(argument);
            }
        }

        arguments.AddRange(facets);
        arguments.Add(new Argument("nullable", "false"));
        if (typeArgument is not null)
        {
            arguments.Add(new Argument("oldClrType", "typeof(" + typeArgument + ")"));
        }

        foreach (var facet in facets)
        {
            arguments.Add(new Argument("old" + char.ToUpperInvariant(facet.Name[0]) + facet.Name.Substring(1), facet.Code));
        }

        arguments.Add(new Argument("oldNullable", "true"));
        edits.InsertAfter(statement, edits.Code(builder)
            .Comment($"Choose the value the existing rows get, in place of {UnchosenValue.Sql}. Left as it is, making {qualified} required fails on a table with rows.")
            .Sql(SqlWriter.BackfillNulls(request.Migration.Provider, schema, table, column, UnchosenValue.Sql))
            .Comment($"Only now make {qualified} required: every row has a value.")
            .Call("AlterColumn", typeArgument, arguments.ToArray()));

        // The column is added nullable and without EF's placeholder: the UPDATE above gives the rows their value.
        edits.SetArgument(invocation, "nullable", "true", after: "type");
        edits.RemoveArgument(invocation, "defaultValue");
        return true;
    }
}
