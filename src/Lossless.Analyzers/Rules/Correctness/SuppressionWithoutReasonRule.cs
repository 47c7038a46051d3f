using System;
using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.Analyzers.Rules.Correctness;

/// <summary>
/// LL4004 (opt-in): in a migration's own files (not its .Designer.cs), a #pragma warning disable of an LL id with no
/// comment on its line, or a [SuppressMessage] of an LL id on the migration or its members with no Justification.
/// </summary>
internal sealed class SuppressionWithoutReasonRule : MigrationRule
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Descriptors.LL4004_SuppressionWithoutReason);

    public override void Analyze(MigrationModel migration, RuleContext context)
    {
        foreach (var reference in migration.Type.DeclaringSyntaxReferences)
        {
            var tree = reference.SyntaxTree;
            if (tree.FilePath.EndsWith(".Designer.cs", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (tree.GetRoot(context.CancellationToken) is not CSharpSyntaxNode { ContainsDirectives: true } root)
            {
                continue;
            }

            // Descend only into nodes that hold a directive: GetNextDirective would walk every token after a file's
            // leading #nullable disable, which EF writes at the top of every migration.
            foreach (var trivia in root.DescendantTrivia(static node => node.ContainsDirectives))
            {
                if (trivia.GetStructure() is PragmaWarningDirectiveTriviaSyntax pragma
                    && pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword)
                    && !HasComment(pragma))
                {
                    foreach (var code in pragma.ErrorCodes)
                    {
                        if (code is IdentifierNameSyntax identifier && IsLosslessId(identifier.Identifier.ValueText))
                        {
                            context.Report(Diagnostic.Create(Descriptors.LL4004_SuppressionWithoutReason, identifier.GetLocation(), identifier.Identifier.ValueText, "#pragma warning disable without a comment on its line"));
                        }
                    }
                }
            }
        }

        CheckAttributes(migration.Type, context);
        foreach (var member in migration.Type.GetMembers())
        {
            CheckAttributes(member, context);
        }
    }

    private static void CheckAttributes(ISymbol symbol, RuleContext context)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            if (attribute.AttributeClass is not { Name: "SuppressMessageAttribute" } type
                || type.ContainingNamespace is not { Name: "CodeAnalysis", ContainingNamespace: { Name: "Diagnostics", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } }
                || attribute.ConstructorArguments.Length < 2
                || attribute.ConstructorArguments[1].Value is not string checkId
                || !IsLosslessId(checkId)
                || HasJustification(attribute)
                || attribute.ApplicationSyntaxReference is not { } syntax)
            {
                continue;
            }

            var id = checkId.Split(':')[0].Trim();
            context.Report(Diagnostic.Create(Descriptors.LL4004_SuppressionWithoutReason, Location.Create(syntax.SyntaxTree, syntax.Span), id, "[SuppressMessage] without a Justification"));
        }
    }

    private static bool HasJustification(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "Justification" && argument.Value.Value is string text && text.Trim().Length > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A comment on the directive's line: "#pragma warning disable LL1004 // the backup is in 20250101_Backup".</summary>
    private static bool HasComment(PragmaWarningDirectiveTriviaSyntax pragma)
    {
        foreach (var trivia in pragma.DescendantTrivia(descendIntoTrivia: true))
        {
            if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) || trivia.IsKind(SyntaxKind.MultiLineCommentTrivia))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>"LL1004" or "LL1004:Column dropped".</summary>
    private static bool IsLosslessId(string text)
    {
        var id = text.Split(':')[0].Trim();
        if (id.Length != 6 || !id.StartsWith("LL", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 2; i < 6; i++)
        {
            if (id[i] < '0' || id[i] > '9')
            {
                return false;
            }
        }

        return true;
    }
}
