using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Lossless.Analyzers;
using Lossless.Analyzers.Infrastructure;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Rules.Reversibility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.CodeFixes.Rules.Reversibility;

/// <summary>
/// Applies LL2001–LL2003 fixes to one document as text edits: a new Down after Up, Down's body replaced, or inverses
/// inserted where they belong in Down (before the inverses of earlier Up operations), so the code around them keeps
/// its formatting and comments.
/// </summary>
internal static class DownWriter
{
    public static async Task<Document?> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
    {
        if (diagnostics.IsEmpty
            || await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not CompilationUnitSyntax root
            || await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) is not { } semanticModel
            || MigrationSymbols.TryCreate(semanticModel.Compilation) is not { } symbols)
        {
            return document;
        }

        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        var newLine = text.ToString().Contains("\r\n") ? "\r\n" : "\n";
        var byClass = new Dictionary<INamedTypeSymbol, List<Diagnostic>>(SymbolEqualityComparer.Default);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Location.SourceTree != root.SyntaxTree
                || root.FindNode(diagnostic.Location.SourceSpan).FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration
                || semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
            {
                continue;
            }

            if (!byClass.TryGetValue(type, out var list))
            {
                byClass.Add(type, list = new List<Diagnostic>());
            }

            list.Add(diagnostic);
        }

        var changes = new List<TextChange>();
        var usings = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var entry in byClass)
        {
            var migration = ReadMigration(document, root.SyntaxTree, semanticModel.Compilation, entry.Key, symbols, cancellationToken);
            FixClass(migration, entry.Value, root, newLine, changes, usings);
        }

        AddUsings(root, usings, newLine, changes);
        return changes.Count == 0 ? document : document.WithText(text.WithChanges(changes));
    }

    private static MigrationModel ReadMigration(Document document, SyntaxTree tree, Compilation compilation, INamedTypeSymbol type, MigrationSymbols symbols, CancellationToken cancellationToken)
    {
        var reader = new MigrationReader(type, symbols, new MigrationIndex(compilation, symbols));
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var model = compilation.GetSemanticModel(reference.SyntaxTree);
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration)
            {
                continue;
            }

            foreach (var method in declaration.Members.OfType<MethodDeclarationSyntax>())
            {
                var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
                if (body is not null && model.GetDeclaredSymbol(method, cancellationToken) is { } symbol && model.GetOperation(body, cancellationToken) is { } operation)
                {
                    reader.AddBody(symbol, ImmutableArray.Create(operation), cancellationToken);
                }
            }
        }

        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider;
        var provider = ProviderDetector.FromOptions(options.GetOptions(tree))
            ?? ProviderDetector.FromOptions(options.GlobalOptions)
            ?? ProviderDetector.FromReferences(compilation);
        return reader.Build(provider, cancellationToken);
    }

    private static void FixClass(MigrationModel migration, List<Diagnostic> diagnostics, CompilationUnitSyntax root, string newLine, List<TextChange> changes, SortedSet<string> usings)
    {
        var upDeclaration = Declaration(migration.UpMethod, root);
        var downDeclaration = Declaration(migration.DownMethod, root);
        if (upDeclaration is null || (migration.DownMethod is not null && downDeclaration is null))
        {
            return;
        }

        var builder = (downDeclaration ?? upDeclaration).ParameterList.Parameters.FirstOrDefault()?.Identifier.ValueText ?? "migrationBuilder";
        var methodIndent = IndentationOf(downDeclaration ?? upDeclaration);
        var statementIndent = StatementIndentation(downDeclaration ?? upDeclaration, methodIndent);
        var writer = new InverseWriter(migration, new CallText(statementIndent, builder, newLine));

        if (downDeclaration is null)
        {
            if (diagnostics.Any(d => d.Id == RuleIds.MissingDown))
            {
                var method = new StringBuilder();
                method.Append(newLine).Append(newLine);
                if (upDeclaration.GetLeadingTrivia().ToFullString().Contains("<inheritdoc"))
                {
                    method.Append(methodIndent).Append("/// <inheritdoc />").Append(newLine);
                }

                method.Append(methodIndent).Append("protected override void Down").Append(upDeclaration.ParameterList.ToString()).Append(newLine)
                    .Append(methodIndent).Append('{').Append(newLine)
                    .Append(string.Join(newLine + newLine, writer.WriteAll())).Append(newLine)
                    .Append(methodIndent).Append('}');
                changes.Add(new TextChange(new TextSpan(upDeclaration.Span.End, 0), method.ToString()));
            }
        }
        else if (diagnostics.Any(d => d.Id == RuleIds.EmptyDown))
        {
            // A TODO that Down already holds (written by an earlier fix) is not written twice.
            var existing = downDeclaration.ToFullString();
            var blocks = writer.WriteAll().Where(block => !IsWrittenIn(block, existing)).ToList();
            if (blocks.Count > 0)
            {
                ReplaceBody(downDeclaration, string.Join(newLine + newLine, blocks), methodIndent, newLine, changes);
            }
        }
        else
        {
            InsertMissing(migration, diagnostics, downDeclaration, writer, newLine, changes);
        }

        usings.UnionWith(writer.Usings);
    }

    /// <summary>LL2002: Down's body becomes the generated inverses; comments in an empty body stay, throwing statements go.</summary>
    private static void ReplaceBody(MethodDeclarationSyntax down, string blocks, string methodIndent, string newLine, List<TextChange> changes)
    {
        if (down.Body is not { } body)
        {
            // => throw …; becomes a block body.
            var start = down.ParameterList.Span.End;
            var end = down.SemicolonToken.Span.End;
            changes.Add(new TextChange(TextSpan.FromBounds(start, end), newLine + methodIndent + "{" + newLine + blocks + newLine + methodIndent + "}"));
            return;
        }

        if (body.Statements.Count > 0)
        {
            var first = body.Statements[0];
            var last = body.Statements[body.Statements.Count - 1];
            changes.Add(new TextChange(TextSpan.FromBounds(first.SpanStart, last.Span.End), blocks.TrimStart()));
            return;
        }

        var inner = TextSpan.FromBounds(body.OpenBraceToken.Span.End, body.CloseBraceToken.SpanStart);
        var existing = body.SyntaxTree.GetText().ToString(inner);
        var kept = existing.Trim().Length == 0 ? string.Empty : existing.TrimEnd();
        changes.Add(new TextChange(inner, (kept.Length == 0 ? newLine : kept + newLine) + blocks + newLine + methodIndent));
    }

    /// <summary>LL2003: each missing inverse goes before the first inverse of an earlier Up operation; a wrong one is replaced.</summary>
    private static void InsertMissing(MigrationModel migration, List<Diagnostic> diagnostics, MethodDeclarationSyntax down, InverseWriter writer, string newLine, List<TextChange> changes)
    {
        if (down.Body is not { Statements.Count: > 0 } body)
        {
            return;
        }

        var matcher = new InverseMatcher(migration);
        var insertions = new SortedDictionary<int, List<KeyValuePair<int, string>>>();
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id != RuleIds.DownDoesNotUndoUp)
            {
                continue;
            }

            var index = UpIndex(migration, diagnostic.Location);
            if (index < 0)
            {
                continue;
            }

            var match = matcher.Match(index);
            if (match.Status == InverseStatus.Wrong && match.Inverse is { } wrong && TopLevelStatement(wrong.Invocation.Syntax, body) is { } statement)
            {
                if (writer.Write(index, migration.Down) is { } replacement)
                {
                    changes.Add(new TextChange(statement.Span, replacement.TrimStart()));
                }

                continue;
            }

            if (match.Status != InverseStatus.Missing || writer.Write(index, migration.Down) is not { } block || IsWrittenIn(block, down.ToFullString()))
            {
                continue;
            }

            var position = -1;
            for (var earlier = 0; earlier < index; earlier++)
            {
                if (matcher.Match(earlier) is { Status: InverseStatus.Found, Inverse: { } inverse } && TopLevelStatement(inverse.Invocation.Syntax, body) is { } before)
                {
                    var start = LineStart(before);
                    position = position < 0 ? start : Math.Min(position, start);
                }
            }

            if (!insertions.TryGetValue(position, out var list))
            {
                insertions.Add(position, list = new List<KeyValuePair<int, string>>());
            }

            list.Add(new KeyValuePair<int, string>(index, block));
        }

        foreach (var insertion in insertions)
        {
            // Several inverses at one place keep Down's order: the later Up operation is undone first.
            var blocks = insertion.Value.OrderByDescending(static entry => entry.Key).Select(static entry => entry.Value).ToList();
            if (insertion.Key < 0)
            {
                var last = body.Statements[body.Statements.Count - 1];
                changes.Add(new TextChange(new TextSpan(last.Span.End, 0), newLine + newLine + string.Join(newLine + newLine, blocks)));
            }
            else
            {
                changes.Add(new TextChange(new TextSpan(insertion.Key, 0), string.Join(newLine + newLine, blocks) + newLine + newLine));
            }
        }
    }

    /// <summary>True for a block of comments only (a TODO) whose lines Down already holds.</summary>
    private static bool IsWrittenIn(string block, string down)
    {
        foreach (var line in block.Split('\n'))
        {
            var trimmed = line.Trim();
            if (!trimmed.StartsWith("//", StringComparison.Ordinal) || down.IndexOf(trimmed, StringComparison.Ordinal) < 0)
            {
                return false;
            }
        }

        return true;
    }

    private static int UpIndex(MigrationModel migration, Location location)
    {
        for (var i = 0; i < migration.Up.Length; i++)
        {
            var candidate = migration.Up[i].Location;
            if (candidate.SourceTree == location.SourceTree && candidate.SourceSpan == location.SourceSpan)
            {
                return i;
            }
        }

        return -1;
    }

    private static StatementSyntax? TopLevelStatement(SyntaxNode node, BlockSyntax body)
    {
        for (var current = node; current is not null; current = current.Parent)
        {
            if (current is StatementSyntax statement && statement.Parent == body)
            {
                return statement;
            }
        }

        return null;
    }

    private static int LineStart(SyntaxNode node) => node.SyntaxTree.GetText().Lines.GetLineFromPosition(node.SpanStart).Start;

    private static MethodDeclarationSyntax? Declaration(IMethodSymbol? method, CompilationUnitSyntax root)
    {
        if (method is null)
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == root.SyntaxTree && reference.GetSyntax() is MethodDeclarationSyntax declaration)
            {
                return declaration;
            }
        }

        return null;
    }

    private static string IndentationOf(SyntaxNode node)
    {
        var line = node.SyntaxTree.GetText().Lines.GetLineFromPosition(node.SpanStart).ToString();
        return line.Substring(0, line.Length - line.TrimStart().Length);
    }

    /// <summary>The indentation of the method's statements, or one level deeper than the method when it has none.</summary>
    private static string StatementIndentation(MethodDeclarationSyntax method, string methodIndent)
        => method.Body is { Statements.Count: > 0 } body ? IndentationOf(body.Statements[0]) : methodIndent + CallText.Unit;

    /// <summary>Adds the using directives the written code needs, in order among the file's own.</summary>
    private static void AddUsings(CompilationUnitSyntax root, SortedSet<string> namespaces, string newLine, List<TextChange> changes)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var directive in root.Usings)
        {
            present.Add(directive.Name?.ToString() ?? string.Empty);
        }

        foreach (var ns in namespaces)
        {
            if (present.Contains(ns))
            {
                continue;
            }

            var position = root.Usings.Count == 0 ? root.SpanStart : -1;
            foreach (var directive in root.Usings)
            {
                if (directive.StaticKeyword.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.None) && directive.Alias is null && Compare(ns, directive.Name?.ToString() ?? string.Empty) < 0)
                {
                    position = LineStart(directive);
                    break;
                }
            }

            if (position < 0)
            {
                position = root.Usings[root.Usings.Count - 1].FullSpan.End;
            }

            changes.Add(new TextChange(new TextSpan(position, 0), "using " + ns + ";" + newLine));
        }
    }

    /// <summary>System first, then ordinal order, as EF Core and dotnet format sort usings.</summary>
    private static int Compare(string left, string right)
    {
        var leftSystem = left == "System" || left.StartsWith("System.", StringComparison.Ordinal);
        var rightSystem = right == "System" || right.StartsWith("System.", StringComparison.Ordinal);
        return leftSystem != rightSystem ? (leftSystem ? -1 : 1) : string.CompareOrdinal(left, right);
    }
}
