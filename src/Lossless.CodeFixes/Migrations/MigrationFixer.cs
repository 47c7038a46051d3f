using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.CodeFixes.Migrations;

/// <summary>One diagnostic to fix: its statements found again (by annotation) in the root being edited.</summary>
internal sealed class FixTarget
{
    private readonly Dictionary<string, SyntaxAnnotation> _annotations;

    public FixTarget(Diagnostic diagnostic, Dictionary<string, SyntaxAnnotation> annotations, DatabaseProvider provider, string backupFormat, bool rawStrings)
    {
        Diagnostic = diagnostic;
        _annotations = annotations;
        Provider = provider;
        BackupFormat = backupFormat;
        RawStrings = rawStrings;
    }

    public Diagnostic Diagnostic { get; }

    public DatabaseProvider Provider { get; }

    /// <summary>lossless.backup_table_format, or its default.</summary>
    public string BackupFormat { get; }

    /// <summary>True when the project's language version has raw string literals (C# 11).</summary>
    public bool RawStrings { get; }

    public string? Property(string key) => Diagnostic.Properties.TryGetValue(key, out var value) ? value : null;

    public bool Properties(string key) => Diagnostic.Properties.ContainsKey(key);

    public IReadOnlyList<string> Lines(string key)
        => Property(key) is { Length: > 0 } text ? text.Split('\n') : Array.Empty<string>();

    /// <summary>The statement holding the reported operation.</summary>
    public ExpressionStatementSyntax? Statement(SyntaxNode root) => Find(root, "Primary");

    /// <summary>The statement of an additional location by role ("DownAdd", "UpAdd", "DownDrop", "DownCreate"), or null.</summary>
    public ExpressionStatementSyntax? Find(SyntaxNode root, string role)
    {
        if (!_annotations.TryGetValue(role, out var annotation))
        {
            return null;
        }

        foreach (var node in root.GetAnnotatedNodes(annotation))
        {
            return node as ExpressionStatementSyntax;
        }

        return null;
    }

    /// <summary>The Down method of the class the reported statement stands in, or null.</summary>
    public MethodDeclarationSyntax? Down(SyntaxNode root)
    {
        if (Statement(root)?.FirstAncestorOrSelf<TypeDeclarationSyntax>() is not { } type)
        {
            return null;
        }

        foreach (var member in type.Members)
        {
            if (member is MethodDeclarationSyntax { Identifier.ValueText: "Down", Body: not null } method)
            {
                return method;
            }
        }

        return null;
    }
}

/// <summary>
/// Base of the Lossless fixers: each code action edits one migration's syntax from the facts the rule put in the
/// diagnostic's properties (no re-analysis). Fix All applies the same edit for every diagnostic of a document in
/// turn, finding each statement again by annotation, so fixes that touch Up and Down of one migration compose.
/// </summary>
public abstract class MigrationFixer : CodeFixProvider
{
    private const string AnnotationKind = "Lossless.FixTarget";

    /// <summary>The code actions offered for a diagnostic: title and equivalence key.</summary>
    internal abstract IEnumerable<(string Title, string Key)> Actions(Diagnostic diagnostic);

    /// <summary>Applies the action <paramref name="key"/> for one diagnostic to <paramref name="root"/>; returns the new root.</summary>
    internal abstract SyntaxNode Apply(SyntaxNode root, FixTarget target, string key);

    public sealed override FixAllProvider GetFixAllProvider()
        => FixAllProvider.Create(async (context, document, diagnostics) =>
            context.CodeActionEquivalenceKey is { } key ? await FixAsync(document, diagnostics, key, context.CancellationToken).ConfigureAwait(false) : document);

    public sealed override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var (title, key) in Actions(diagnostic))
            {
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(title, cancellationToken => FixAsync(document, ImmutableArray.Create(diagnostic), key, cancellationToken), key),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string key, CancellationToken cancellationToken)
    {
        if (await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false) is not { } root)
        {
            return document;
        }

        var options = document.Project.AnalyzerOptions.AnalyzerConfigOptionsProvider.GetOptions(root.SyntaxTree);
        var rawStrings = root.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp11 };
        var backupFormat = Sql.BackupTableNames.FormatFrom(options);

        // Mark every statement each diagnostic needs before editing anything: edits move text, annotations follow.
        var marks = new List<(SyntaxNode Node, SyntaxAnnotation Annotation)>();
        var targets = new List<FixTarget>();
        foreach (var diagnostic in diagnostics)
        {
            var annotations = new Dictionary<string, SyntaxAnnotation>(StringComparer.Ordinal);
            if (!Mark(root, diagnostic.Location, "Primary", annotations, marks))
            {
                continue;
            }

            var roles = diagnostic.Properties.TryGetValue(DiagnosticProperties.LocationRoles, out var text) && text is { Length: > 0 } ? text.Split(',') : Array.Empty<string>();
            for (var i = 0; i < roles.Length && i < diagnostic.AdditionalLocations.Count; i++)
            {
                Mark(root, diagnostic.AdditionalLocations[i], roles[i], annotations, marks);
            }

            var provider = ProviderFrom(diagnostic);
            targets.Add(new FixTarget(diagnostic, annotations, provider, backupFormat, rawStrings));
        }

        var grouped = new Dictionary<SyntaxNode, List<SyntaxAnnotation>>();
        foreach (var (node, annotation) in marks)
        {
            if (!grouped.TryGetValue(node, out var list))
            {
                grouped[node] = list = new List<SyntaxAnnotation>();
            }

            list.Add(annotation);
        }

        root = root.ReplaceNodes(grouped.Keys, (original, _) => original.WithAdditionalAnnotations(grouped[original]));
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            root = Apply(root, target, key);
        }

        return document.WithSyntaxRoot(root);
    }

    private static bool Mark(SyntaxNode root, Location location, string role, Dictionary<string, SyntaxAnnotation> annotations, List<(SyntaxNode, SyntaxAnnotation)> marks)
    {
        if (!location.IsInSource || location.SourceTree != root.SyntaxTree)
        {
            return false;
        }

        var statement = root.FindToken(location.SourceSpan.Start).Parent?.FirstAncestorOrSelf<ExpressionStatementSyntax>();
        if (statement is null)
        {
            return false;
        }

        var annotation = new SyntaxAnnotation(AnnotationKind, role);
        annotations[role] = annotation;
        marks.Add((statement, annotation));
        return true;
    }

    private static DatabaseProvider ProviderFrom(Diagnostic diagnostic)
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
