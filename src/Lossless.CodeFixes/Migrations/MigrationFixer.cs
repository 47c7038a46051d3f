using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.CodeFixes.Migrations;

/// <summary>A code action a fixer offers for a diagnostic: its title and equivalence key.</summary>
internal readonly struct FixOffer
{
    public FixOffer(string title, string key)
    {
        Title = title;
        Key = key;
    }

    public string Title { get; }

    public string Key { get; }
}

/// <summary>One action written: the fixed text, the changes that led to it (each list against the text after the one before), where the fix's own text stands.</summary>
internal sealed class FixResult
{
    public FixResult(SourceText text, IReadOnlyList<IReadOnlyList<TextChange>> steps, IReadOnlyList<TextSpan> written)
    {
        Text = text;
        Steps = steps;
        Written = written;
    }

    public SourceText Text { get; }

    public IReadOnlyList<IReadOnlyList<TextChange>> Steps { get; }

    public IReadOnlyList<TextSpan> Written { get; }
}

/// <summary>What a fixer writes from: the migration as the analyzer read it, the diagnostic, the chosen action, and the edits to make.</summary>
internal sealed class FixRequest
{
    public FixRequest(LoadedMigration migration, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        Migration = migration;
        Diagnostic = diagnostic;
        Key = key;
        CancellationToken = cancellationToken;
        Edits = new DocumentEdits(migration);
        Operation = migration.OperationAt(diagnostic.Location.SourceSpan);
    }

    public LoadedMigration Migration { get; }

    public Diagnostic Diagnostic { get; }

    public string Key { get; }

    public CancellationToken CancellationToken { get; }

    public DocumentEdits Edits { get; }

    /// <summary>The operation the diagnostic is reported on (null for diagnostics on a class or a method).</summary>
    public MigrationOperation? Operation { get; }

    public string? Property(string key) => Diagnostic.Properties.TryGetValue(key, out var value) ? value : null;

    /// <summary>A property that holds one value per line (key columns, column names).</summary>
    public IReadOnlyList<string> Lines(string key)
        => Property(key) is { Length: > 0 } text ? text.Split('\n') : System.Array.Empty<string>();

    /// <summary>The statement of the reported operation, when it is a statement of its own in this document.</summary>
    public ExpressionStatementSyntax? Statement => Operation is null ? null : Migration.StatementOf(Operation);

    /// <summary>The additional location of a role ("DownAdd", "UpAdd", "DownDrop", "DownCreate") as the statement that stands there, or null.</summary>
    public ExpressionStatementSyntax? Find(string role) => FindOperation(role) is { } operation ? Migration.StatementOf(operation) : null;

    /// <summary>The operation at the additional location of a role, or null.</summary>
    public MigrationOperation? FindOperation(string role)
    {
        var roles = Property(DiagnosticProperties.LocationRoles) is { Length: > 0 } text ? text.Split(',') : System.Array.Empty<string>();
        for (var i = 0; i < roles.Length && i < Diagnostic.AdditionalLocations.Count; i++)
        {
            if (roles[i] == role && Diagnostic.AdditionalLocations[i] is { IsInSource: true } location && location.SourceTree == Migration.Tree)
            {
                return Migration.OperationAt(location.SourceSpan);
            }
        }

        return null;
    }
}

/// <summary>
/// Base of every Lossless fixer. Offering an action is cheap: it is decided from what the rule put in
/// <see cref="Diagnostic.Properties"/> (and, at most, the reported call's syntax); the change is computed only when
/// the action is invoked, from the migration read again as the analyzer reads it (<see cref="LoadedMigration"/>).
/// Every fixer shares one Fix All strategy (<see cref="MigrationFixAll"/>).
/// </summary>
public abstract class MigrationFixer : CodeFixProvider
{
    /// <summary>The actions offered for a diagnostic of one of this fixer's ids, best first: the first is the default of Fix All and dotnet format.</summary>
    internal abstract IEnumerable<FixOffer> Offers(Diagnostic diagnostic, SyntaxNode root);

    /// <summary>Every equivalence key this fixer may offer for a diagnostic id.</summary>
    internal abstract IEnumerable<string> KeysFor(string diagnosticId);

    /// <summary>Writes the action's change into <see cref="FixRequest.Edits"/>; false when it cannot be written after all.</summary>
    internal abstract bool Write(FixRequest request);

    /// <summary>
    /// True when <paramref name="offered"/> is the same choice as <paramref name="chosen"/> written another way for this
    /// diagnostic (the same steps in a provider's own shape): Fix All with the chosen key takes it.
    /// </summary>
    internal virtual bool SameChoice(string offered, string chosen) => false;

    public sealed override FixAllProvider GetFixAllProvider() => MigrationFixAll.Instance;

    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (!FixableDiagnosticIds.Contains(diagnostic.Id) || !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                continue;
            }

            foreach (var offer in Offered(diagnostic, root))
            {
                var document = context.Document;
                var key = offer.Key;
                context.RegisterCodeFix(CodeAction.Create(offer.Title, cancellationToken => FixAsync(document, diagnostic, key, cancellationToken), key), diagnostic);
            }
        }
    }

    /// <summary>
    /// The actions offered for a diagnostic: the fixer's, less those that write SQL when the rule judged the migration
    /// with no provider known (<see cref="FixerKeys.WritesSql"/>).
    /// </summary>
    private IEnumerable<FixOffer> Offered(Diagnostic diagnostic, SyntaxNode root)
    {
        var providerUnknown = diagnostic.Properties.TryGetValue(DiagnosticProperties.Provider, out var provider)
            && provider == ProviderDetector.ToOptionValue(DatabaseProvider.Unknown);
        foreach (var offer in Offers(diagnostic, root))
        {
            if (!providerUnknown || !FixerKeys.WritesSql(offer.Key))
            {
                yield return offer;
            }
        }
    }

    /// <summary>Applies one action to one diagnostic: the migration is read when the action is invoked, not before.</summary>
    private async Task<Document> FixAsync(Document document, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        if (await WriteAsync(document, diagnostic.Location.SourceSpan, diagnostic.Id, diagnostic, (_, _) => key, cancellationToken).ConfigureAwait(false) is not { } result)
        {
            return document;
        }

        return await NavigateToUnchosenValueAsync(document.WithText(result.Text), result.Written, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the migration that holds <paramref name="span"/> of <paramref name="document"/> and writes one action on
    /// the diagnostic of <paramref name="id"/> reported there: <paramref name="diagnostic"/> when the caller holds it
    /// for this text, else the one the rules report now. Expression-bodied Up and Down are given block bodies first and
    /// get their expression bodies back where the fix wrote nothing into them (<see cref="ExpressionBodies"/>). Null
    /// when the migration, the diagnostic or the action is gone, or the action changes nothing.
    /// </summary>
    internal async Task<FixResult?> WriteAsync(Document document, TextSpan span, string id, Diagnostic? diagnostic, System.Func<Diagnostic, SyntaxNode, string?> chooseKey, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return null;
        }

        var steps = new List<IReadOnlyList<TextChange>>();
        var converted = new List<ExpressionBodies.Converted>();
        var original = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var blocks = ExpressionBodies.ToBlocks(root, original, span, converted);
        if (blocks.Count > 0)
        {
            steps.Add(blocks);
            diagnostic = null;
            if (MigrationFixAll.Follow(span, steps) is not { } moved)
            {
                return null;
            }

            document = document.WithText(original.WithChanges(blocks));
            span = moved;
        }

        if (await LoadedMigration.LoadAsync(document, span, cancellationToken).ConfigureAwait(false) is not { } migration)
        {
            return null;
        }

        if ((diagnostic ?? MigrationFixAll.Fresh(migration.Judge(cancellationToken), id, span, migration.Tree)) is not { } reported
            || chooseKey(reported, migration.Root) is not { } key
            || Apply(migration, reported, key, cancellationToken) is not { } edits)
        {
            return null;
        }

        var text = edits.Apply(migration.Text);
        steps.Add(edits.Changes);
        var written = new List<TextSpan>(edits.WrittenSpans());
        if (converted.Count > 0)
        {
            var fixedRoot = await document.WithText(text).GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var restored = fixedRoot is null ? new List<TextChange>() : ExpressionBodies.Restore(fixedRoot, converted, steps);
            if (restored.Count > 0)
            {
                text = text.WithChanges(restored);
                written = written.ConvertAll(writtenSpan => MigrationFixAll.Follow(writtenSpan, new[] { restored }) ?? writtenSpan);
                steps.Add(restored);
            }
        }

        return new FixResult(text, steps, written);
    }

    /// <summary>
    /// Where the fix left a value to choose, the IDE puts the caret on it: the written token that carries the
    /// <see cref="UnchosenValue.Marker"/> gets Roslyn's navigation annotation.
    /// </summary>
    private static async Task<Document> NavigateToUnchosenValueAsync(Document document, IReadOnlyList<TextSpan> written, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        foreach (var span in written)
        {
            foreach (var token in root.DescendantTokens(span))
            {
                if (span.Contains(token.Span) && token.Text.IndexOf(UnchosenValue.Marker, System.StringComparison.Ordinal) >= 0)
                {
                    return document.WithSyntaxRoot(root.ReplaceToken(token, token.WithAdditionalAnnotations(new SyntaxAnnotation(NavigationAnnotationKind))));
                }
            }
        }

        return document;
    }

    /// <summary>The kind of annotation IDEs put the caret on after a code action (Roslyn's NavigationAnnotation).</summary>
    internal const string NavigationAnnotationKind = "CodeAction_Navigation";

    /// <summary>The edits of one action on one diagnostic, or null when there are none.</summary>
    internal DocumentEdits? Apply(LoadedMigration migration, Diagnostic diagnostic, string key, CancellationToken cancellationToken)
    {
        var request = new FixRequest(migration, diagnostic, key, cancellationToken);
        return Write(request) && !request.Edits.IsEmpty ? request.Edits : null;
    }

    /// <summary>
    /// The action Fix All takes for a diagnostic: the one whose key was chosen when it is offered, else the same choice
    /// in another shape (<see cref="SameChoice"/>); none when the chosen key is another action of the same rule (the
    /// person chose that one); else the first action offered. dotnet format chooses the key from whichever diagnostic
    /// it sees first, of any id, or none at all: every diagnostic still gets a fix.
    /// </summary>
    internal string? ChooseKey(Diagnostic diagnostic, SyntaxNode root, string? chosen)
    {
        string? first = null;
        string? same = null;
        foreach (var offer in Offered(diagnostic, root))
        {
            if (offer.Key == chosen)
            {
                return chosen;
            }

            first ??= offer.Key;
            if (chosen is not null && SameChoice(offer.Key, chosen))
            {
                same ??= offer.Key;
            }
        }

        if (same is not null)
        {
            return same;
        }

        foreach (var key in KeysFor(diagnostic.Id))
        {
            if (key == chosen)
            {
                return null;
            }
        }

        return first;
    }

    internal static ImmutableArray<string> Ids(params string[] ids) => ImmutableArray.Create(ids);

    /// <summary>The provider the rule judged with (its Provider property, as .editorconfig spells it).</summary>
    internal static DatabaseProvider ProviderOf(Diagnostic diagnostic)
        => diagnostic.Properties.TryGetValue(DiagnosticProperties.Provider, out var value) ? value switch
        {
            "postgresql" => DatabaseProvider.PostgreSql,
            "sqlserver" => DatabaseProvider.SqlServer,
            "sqlite" => DatabaseProvider.Sqlite,
            "mysql" => DatabaseProvider.MySql,
            _ => DatabaseProvider.Unknown,
        }
        : DatabaseProvider.Unknown;
}
