using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Lossless.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.CodeFixes.Rules.Reversibility;

/// <summary>
/// LL2001, LL2002: writes Down as the inverse of every Up operation, in reverse order. LL2003: adds the missing inverse
/// (or replaces the wrong one) in the existing Down. Arguments are copied from Up verbatim; what Up does not hold (a
/// dropped table's columns, a dropped column's type, a dropped index's definition) comes from the previous migration's
/// target model, or is left as a TODO that still compiles.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(GenerateDownFixer)), Shared]
public sealed class GenerateDownFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIds.MissingDown, RuleIds.EmptyDown, RuleIds.DownDoesNotUndoUp);

    /// <summary>Fix All works per document, one migration class at a time, so every inverse lands in the right place once.</summary>
    public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(
        static async (context, document, diagnostics) =>
        {
            var writable = await WithoutSyntaxErrorsAsync(document, Filter(diagnostics, context.CodeActionEquivalenceKey), context.CancellationToken).ConfigureAwait(false);
            return writable.IsEmpty ? document : await DownWriter.FixAsync(document, writable, context.CancellationToken).ConfigureAwait(false);
        });

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in await WithoutSyntaxErrorsAsync(context.Document, context.Diagnostics, context.CancellationToken).ConfigureAwait(false))
        {
            // Written now, so that a fix with nothing left to write (its TODO is already in Down) is not offered.
            var fixedDocument = await DownWriter.FixAsync(context.Document, ImmutableArray.Create(diagnostic), context.CancellationToken).ConfigureAwait(false);
            if (fixedDocument is null || fixedDocument == context.Document)
            {
                continue;
            }

            var missingInverse = diagnostic.Id == RuleIds.DownDoesNotUndoUp;
            var title = missingInverse ? "Add the missing inverse to Down" : "Generate Down from Up";
            var key = missingInverse ? FixerKeys.LL2003_AddMissingInverse : FixerKeys.LL2001_GenerateDown;
            context.RegisterCodeFix(CodeAction.Create(title, _ => Task.FromResult(fixedDocument), key), diagnostic);
        }
    }

    /// <summary>
    /// Half-typed code: a migration class with a syntax error gets no Down written from it, since inverses copied from a
    /// broken Up (an unfinished typeof, a cut-off argument list) would not compile.
    /// </summary>
    private static async Task<ImmutableArray<Diagnostic>> WithoutSyntaxErrorsAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return ImmutableArray<Diagnostic>.Empty;
        }

        var builder = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var type = root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type is not null && !HasSyntaxErrors(type))
            {
                builder.Add(diagnostic);
            }
        }

        return builder.ToImmutable();
    }

    private static bool HasSyntaxErrors(SyntaxNode node)
    {
        foreach (var diagnostic in node.GetDiagnostics())
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    private static ImmutableArray<Diagnostic> Filter(ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey)
    {
        var builder = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var diagnostic in diagnostics)
        {
            var key = diagnostic.Id == RuleIds.DownDoesNotUndoUp ? FixerKeys.LL2003_AddMissingInverse : FixerKeys.LL2001_GenerateDown;
            if (equivalenceKey is null || key == equivalenceKey)
            {
                builder.Add(diagnostic);
            }
        }

        return builder.ToImmutable();
    }
}
