using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using Lossless.Analyzers;
using Lossless.CodeFixes.Migrations;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.CodeFixes.Rules.Availability;

/// <summary>
/// LL3001: the CreateIndex gets .Annotation("Npgsql:CreatedConcurrently", true) (or its false becomes true). Npgsql then
/// writes CREATE INDEX CONCURRENTLY and runs it outside the migration's transaction: writes go on while it builds.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(CreateIndexConcurrentlyFixer)), Shared]
public sealed class CreateIndexConcurrentlyFixer : MigrationFixer
{
    private const string Annotation = "Npgsql:CreatedConcurrently";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = Ids(RuleIds.IndexBlocksWrites);

    internal override IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root)
    {
        yield return new FixOffer("Build the index concurrently (writes go on)", FixerKeys.LL3001_CreateConcurrently);
    }

    internal override IEnumerable<string> KeysFor(string diagnosticId) => [FixerKeys.LL3001_CreateConcurrently];

    internal override bool Write(FixRequest request)
    {
        if (request.Statement is not { } statement)
        {
            return false;
        }

        // An annotation already there (false): its value becomes true.
        for (var expression = statement.Expression; expression is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } invocation; expression = access.Expression)
        {
            if (access.Name.Identifier.Text == "Annotation"
                && invocation.ArgumentList.Arguments.Count == 2
                && invocation.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax { Token.ValueText: Annotation })
            {
                request.Edits.ReplaceSpan(invocation.ArgumentList.Arguments[1].Expression.Span, "true");
                return true;
            }
        }

        var indent = MigrationWriter.IndentOf(statement) + MigrationWriter.Unit;
        request.Edits.Insert(statement.Expression.Span.End, request.Edits.NewLine + indent + ".Annotation(" + MigrationWriter.Literal(Annotation) + ", true)");
        return true;
    }
}
