using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.CodeFixes.Migrations;
using Lossless.CodeFixes.Sql;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.CodeFixes.Rules.DataLoss;

/// <summary>
/// LL1008: a deliberate defaultValue (the IDE puts the caret on it), or add the column nullable, fill the existing rows
/// with an UPDATE (placeholder value to edit), then make it required with an AlterColumn.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(RequiredColumnAddedFixer)), Shared]
public sealed class RequiredColumnAddedFixer : MigrationFixer
{
    private static readonly string[] AddColumnParameters =
    [
        "name", "table", "type", "unicode", "maxLength", "rowVersion", "schema", "nullable", "defaultValue", "defaultValueSql",
        "computedColumnSql", "fixedLength", "comment", "collation", "precision", "scale", "stored",
    ];

    /// <summary>The facets an AlterColumn repeats on both sides when only nullability changes.</summary>
    private static readonly string[] Facets = ["type", "unicode", "maxLength", "fixedLength", "precision", "scale", "comment", "collation"];

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.RequiredColumnAdded);

    internal override IEnumerable<(string Title, string Key)> Actions(Diagnostic diagnostic)
    {
        diagnostic.Properties.TryGetValue(DiagnosticProperties.ClrType, out var clrType);
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Provider, out var provider);
        if (ArgumentEdits.DeliberateValue(clrType) is not null)
        {
            yield return ("Give the existing rows a deliberate default", FixerKeys.LL1008_DeliberateDefault);
        }

        if (SqlWriter.ZeroLiteral(MadeRequiredFixer.ProviderOf(provider), clrType) is not null)
        {
            yield return ("Add the column nullable, fill the existing rows, then make it required", FixerKeys.LL1008_AddNullableBackfillRequire);
        }
    }

    internal override SyntaxNode Apply(SyntaxNode root, FixTarget target, string key)
    {
        var statement = target.Statement(root)!;
        var invocation = MigrationEdits.Invocation(statement)!;
        var clrType = target.Property(DiagnosticProperties.ClrType);
        if (key == FixerKeys.LL1008_DeliberateDefault)
        {
            var value = SyntaxFactory.ParseExpression(ArgumentEdits.DeliberateValue(clrType)!).WithAdditionalAnnotations(MigrationEdits.Navigation());
            return root.ReplaceNode(invocation, ArgumentEdits.Set(invocation, "defaultValue", value, after: "nullable"));
        }

        var schema = target.Property(DiagnosticProperties.Schema);
        var table = target.Property(DiagnosticProperties.Table)!;
        var column = target.Property(DiagnosticProperties.Column)!;
        var qualified = (schema is null ? string.Empty : schema + ".") + table + "." + column;
        var builder = MigrationEdits.Builder(statement);
        var indent = MigrationEdits.Indentation(statement);
        var typeArgument = MigrationEdits.TypeArgument(invocation);

        // AlterColumn<T>(…, nullable: false, oldClrType: typeof(T), <same facets as old…>, oldNullable: true).
        var arguments = new List<(string, string)> { ("name", MigrationEdits.Quote(column)), ("table", MigrationEdits.Quote(table)) };
        if (schema is not null)
        {
            arguments.Add(("schema", MigrationEdits.Quote(schema)));
        }

        var facets = new List<(string Name, string Value)>();
        foreach (var (name, argument) in MigrationEdits.Arguments(invocation, AddColumnParameters))
        {
            if (System.Array.IndexOf(Facets, name) >= 0)
            {
                facets.Add((name, argument.Expression.ToString()));
            }
        }

        arguments.AddRange(facets);
        arguments.Add(("nullable", "false"));
        if (typeArgument is not null)
        {
            arguments.Add(("oldClrType", "typeof(" + typeArgument + ")"));
        }

        foreach (var (name, value) in facets)
        {
            arguments.Add(("old" + char.ToUpperInvariant(name[0]) + name.Substring(1), value));
        }

        arguments.Add(("oldNullable", "true"));
        var sql = SqlWriter.BackfillNulls(target.Provider, schema, table, column, SqlWriter.ZeroLiteral(target.Provider, clrType)!);
        root = MigrationEdits.InsertAfter(root, statement, new[]
        {
            new Step($"Give every existing row a value. The value written here is a placeholder: choose it.", builder + ".Sql(" + MigrationEdits.SqlLiteral(sql, raw: false, indent) + ");", navigateToString: true),
            new Step($"Only now make {qualified} required: every row has a value.", MigrationEdits.Call(builder, "AlterColumn", typeArgument, arguments, indent)),
        });

        // The column is added nullable and without EF's placeholder: the UPDATE above gives the rows their value.
        statement = target.Statement(root)!;
        invocation = MigrationEdits.Invocation(statement)!;
        var nullable = ArgumentEdits.Set(invocation, "nullable", SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression), after: "type");
        return root.ReplaceNode(invocation, ArgumentEdits.Remove(nullable, "defaultValue"));
    }
}
