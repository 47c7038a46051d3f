using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.CodeFixes.Migrations;

/// <summary>
/// The one Fix All strategy of every Lossless fixer, for a document, a project or a solution (documents in parallel).
/// In a document the diagnostics are fixed one after the other, in source order, each on the result of the last: its
/// place is followed through the edits already made, the migration is read again and judged by the analyzer's own
/// rules, and a diagnostic that an earlier fix already settled (a key conversion covers the columns that reference
/// the key) is left alone. The action for each is <see cref="MigrationFixer.ChooseKey"/>'s: the chosen one, else the
/// diagnostic's first, so that dotnet format, which chooses a key from whichever diagnostic it sees first, still fixes
/// every diagnostic of every id it runs.
/// </summary>
internal static class MigrationFixAll
{
    public static readonly FixAllProvider Instance = FixAllProvider.Create(FixDocumentAsync);

    private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        if (context.CodeFixProvider is not MigrationFixer fixer)
        {
            return document;
        }

        var pending = diagnostics
            .Where(diagnostic => fixer.FixableDiagnosticIds.Contains(diagnostic.Id) && diagnostic.Location.IsInSource)
            .OrderBy(static diagnostic => diagnostic.Location.SourceSpan.Start)
            .ThenBy(static diagnostic => diagnostic.Id, System.StringComparer.Ordinal)
            .ToList();
        return await FixInOrderAsync(fixer, document, pending, context.CodeActionEquivalenceKey, context.CancellationToken).ConfigureAwait(false);
    }

    /// <summary>Fixes <paramref name="diagnostics"/> of <paramref name="document"/> one after the other (see the class summary).</summary>
    internal static async Task<Document> FixInOrderAsync(MigrationFixer fixer, Document document, IReadOnlyList<Diagnostic> diagnostics, string? chosenKey, CancellationToken cancellationToken)
    {
        var current = document;
        var applied = new List<IReadOnlyList<TextChange>>();
        foreach (var diagnostic in diagnostics)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (Follow(diagnostic.Location.SourceSpan, applied) is not { } span
                || await fixer.WriteAsync(current, span, diagnostic.Id, diagnostic: null, (fresh, root) => fixer.ChooseKey(fresh, root, chosenKey), cancellationToken).ConfigureAwait(false) is not { } result)
            {
                continue;
            }

            current = current.WithText(result.Text);
            applied.AddRange(result.Steps);
        }

        return current;
    }

    /// <summary>The diagnostic of <paramref name="id"/> at <paramref name="span"/> among those the rules report now, or null when it is gone.</summary>
    internal static Diagnostic? Fresh(ImmutableArray<Diagnostic> diagnostics, string id, TextSpan span, SyntaxTree tree)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == id && diagnostic.Location.SourceTree == tree && diagnostic.Location.SourceSpan == span)
            {
                return diagnostic;
            }
        }

        return null;
    }

    /// <summary>Where a span of the original text is after the edits made since; null when an edit rewrote it.</summary>
    internal static TextSpan? Follow(TextSpan span, IEnumerable<IReadOnlyList<TextChange>> applied)
    {
        foreach (var changes in applied)
        {
            var delta = 0;
            foreach (var change in changes)
            {
                if (change.Span.End <= span.Start)
                {
                    delta += change.NewText!.Length - change.Span.Length;
                }
                else if (change.Span.Start >= span.End)
                {
                    continue;
                }
                else
                {
                    return null;
                }
            }

            span = new TextSpan(span.Start + delta, span.Length);
        }

        return span;
    }
}
