using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.CodeFixes.Migrations;
using Lossless.CodeFixes.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;

namespace Lossless.CodeFixes.Rules.DataLoss;

/// <summary>
/// LL1007: backfill the rows holding NULL with an UPDATE before the AlterColumn (the value is a placeholder the IDE
/// puts the caret on), or, when there is no default at all, give the AlterColumn a deliberate defaultValue.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MadeRequiredFixer)), Shared]
public sealed class MadeRequiredFixer : MigrationFixer
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MadeRequired);

    internal override IEnumerable<(string Title, string Key)> Actions(Diagnostic diagnostic)
    {
        diagnostic.Properties.TryGetValue(DiagnosticProperties.ClrType, out var clrType);
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Provider, out var provider);
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Shape, out var shape);
        if (SqlWriter.ZeroLiteral(ProviderOf(provider), clrType) is not null)
        {
            yield return ("Fill the rows that hold NULL before making the column required", FixerKeys.LL1007_BackfillNulls);
        }

        if (shape == "NoDefault" && ArgumentEdits.DeliberateValue(clrType) is not null)
        {
            yield return ("Give the column a deliberate default for the rows that hold NULL", FixerKeys.LL1007_AddDefaultValue);
        }
    }

    internal override SyntaxNode Apply(SyntaxNode root, FixTarget target, string key)
    {
        var statement = target.Statement(root)!;
        var schema = target.Property(DiagnosticProperties.Schema);
        var table = target.Property(DiagnosticProperties.Table)!;
        var column = target.Property(DiagnosticProperties.Column)!;
        var clrType = target.Property(DiagnosticProperties.ClrType);
        if (key == FixerKeys.LL1007_AddDefaultValue)
        {
            var invocation = MigrationEdits.Invocation(statement)!;
            var value = SyntaxFactory.ParseExpression(ArgumentEdits.DeliberateValue(clrType)!).WithAdditionalAnnotations(MigrationEdits.Navigation());
            return root.ReplaceNode(invocation, ArgumentEdits.Set(invocation, "defaultValue", value, after: "nullable"));
        }

        var qualified = (schema is null ? string.Empty : schema + ".") + table + "." + column;
        var sql = SqlWriter.BackfillNulls(target.Provider, schema, table, column, SqlWriter.ZeroLiteral(target.Provider, clrType)!);
        return MigrationEdits.InsertBefore(root, statement, new[]
        {
            new Step(
                $"{qualified} becomes required: give the rows that hold NULL a value first. The value written here is a placeholder: choose it.",
                MigrationEdits.Builder(statement) + ".Sql(" + MigrationEdits.SqlLiteral(sql, raw: false, MigrationEdits.Indentation(statement)) + ");",
                navigateToString: true),
        });
    }

    internal static Analyzers.Model.Providers.DatabaseProvider ProviderOf(string? value) => value switch
    {
        "postgresql" => Analyzers.Model.Providers.DatabaseProvider.PostgreSql,
        "sqlserver" => Analyzers.Model.Providers.DatabaseProvider.SqlServer,
        "sqlite" => Analyzers.Model.Providers.DatabaseProvider.Sqlite,
        "mysql" => Analyzers.Model.Providers.DatabaseProvider.MySql,
        _ => Analyzers.Model.Providers.DatabaseProvider.Unknown,
    };
}
