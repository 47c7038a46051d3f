using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Text;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.StoreTypes;
using Lossless.Analyzers.Model.Targets;
using Lossless.CodeFixes.Migrations;
using Lossless.CodeFixes.Sql.Conversions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.DataLoss;

/// <summary>
/// LL1010 on SQLite, string → Guid: as the first step of Up, a guard that stops the migration, naming the count and
/// the first keys, when a value is not a uuid in the text form EF Core writes; then every uuid upper-cased, the form
/// EF Core sends in a lookup. Marked verified for the column. Other CLR changes get no fix: no expression tells which
/// text EF Core parses as a date or a decimal.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ClrTypeChangedFixer)), Shared]
public sealed class ClrTypeChangedFixer : MigrationFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.ClrTypeChanged);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        if (IsTextToGuid(diagnostic))
        {
            yield return new FixOffer("Stop the migration on a value that is not a uuid, else upper-case every uuid", FixerKeys.LL1010_GuardAndNormalizeGuids);
        }
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => [FixerKeys.LL1010_GuardAndNormalizeGuids];

    internal override bool Write(FixRequest request)
    {
        if (!IsTextToGuid(request.Diagnostic)
            || request.Property(DiagnosticProperties.Table) is not { } table
            || request.Property(DiagnosticProperties.Column) is not { } name
            || request.Migration.Model.UpMethod is not { Parameters.Length: 1 } upMethod
            || request.Migration.Declaration(upMethod) is not { } up)
        {
            return false;
        }

        var column = new ColumnRef(request.Property(DiagnosticProperties.Schema), table, name);
        var text = StoreTypeParser.Parse("TEXT", DatabaseProvider.Sqlite);
        var conversion = new ColumnConversion(column, text, text, DatabaseProvider.Sqlite, request.Lines(DiagnosticProperties.KeyColumns).ToImmutableArray());
        var edits = request.Edits;
        edits.Prepend(up, edits.Code(upMethod.Parameters[0].Name)
            .Comment($"{column} is read as Guid now: stop the migration if a value is not a uuid in the form EF Core writes, else upper-case every uuid, the form EF Core looks a Guid up by.")
            .Sql(Sql(conversion)));
        return true;
    }

    /// <summary>The guard and the normalisation, marked verified for the column.</summary>
    internal static string Sql(ColumnConversion conversion)
    {
        var quoted = conversion.Name;
        var lines = new List<string> { VerifiedMarker.Prefix + " " + conversion.Column.ToString() };
        var message = new AbortMessage(
            "lossless: ",
            " value(s) of " + conversion.Column.ToString() + " are not uuids in the text form EF Core reads and looks up as Guid",
            ConversionStep.KeyPhraseOf(conversion),
            "; the migration was stopped and nothing was changed");
        ConversionStep.SqliteGuard(lines, [(conversion, NotAUuid(quoted), message)]);

        // A key referenced by foreign keys changes with the columns that reference it: checked at commit, not per UPDATE.
        lines.Add("PRAGMA defer_foreign_keys = ON;");
        lines.Add("UPDATE " + conversion.Table + " SET " + quoted + " = upper(" + quoted + ") WHERE " + quoted + " <> upper(" + quoted + ");");
        return string.Join("\n", lines);
    }

    /// <summary>
    /// Not NULL and not 36 characters of hexadecimal digits with hyphens after the 8th, 12th, 16th and 20th: the "D" form
    /// EF Core writes a Guid in (a blob, braces or 32 digits read, but never match a lookup).
    /// </summary>
    private static string NotAUuid(string column)
    {
        var pattern = new StringBuilder();
        foreach (var group in new[] { 8, 4, 4, 4, 12 })
        {
            if (pattern.Length > 0)
            {
                pattern.Append('-');
            }

            for (var i = 0; i < group; i++)
            {
                pattern.Append("[0-9A-F]");
            }
        }

        return column + " IS NOT NULL AND (typeof(" + column + ") <> 'text' OR upper(" + column + ") NOT GLOB '" + pattern + "')";
    }

    private static bool IsTextToGuid(Diagnostic diagnostic)
        => ProviderOf(diagnostic) == DatabaseProvider.Sqlite
        && diagnostic.Properties.TryGetValue(DiagnosticProperties.OldClrType, out var old) && old == "System.String"
        && diagnostic.Properties.TryGetValue(DiagnosticProperties.ClrType, out var clr) && clr == "System.Guid"
        && diagnostic.Properties.TryGetValue(DiagnosticProperties.Table, out var table) && table is not null
        && diagnostic.Properties.TryGetValue(DiagnosticProperties.Column, out var column) && column is not null;
}
