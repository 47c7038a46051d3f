using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.DataLoss.TypeChanges;

/// <summary>
/// Fix All for type changes: the fixes of one migration interact (a key conversion covers the referencing columns'
/// diagnostics too), so each document's diagnostics are fixed one after the other, each on the result of the last,
/// and a diagnostic whose column an earlier fix already verified is skipped.
/// </summary>
internal static class TypeChangeFixAll
{
    public static readonly FixAllProvider Instance = FixAllProvider.Create(FixDocumentAsync);

    private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        if (context.CodeActionEquivalenceKey is not { } key || TypeChangeFixer.KindOf(key) is not { } kind)
        {
            return document;
        }

        var ordered = new List<Diagnostic>(diagnostics);
        ordered.Sort(static (a, b) => a.Location.SourceSpan.Start.CompareTo(b.Location.SourceSpan.Start));
        var current = document;
        foreach (var diagnostic in ordered)
        {
            if (TypeChangeFixer.Key(diagnostic.Id, kind) != key)
            {
                continue;
            }

            var solution = await TypeChangeFixer.FixAsync(current, diagnostic, kind, exactSpan: false, context.CancellationToken).ConfigureAwait(false);
            if (solution?.GetDocument(current.Id) is { } fixedDocument)
            {
                current = fixedDocument;
            }
        }

        return current;
    }
}
