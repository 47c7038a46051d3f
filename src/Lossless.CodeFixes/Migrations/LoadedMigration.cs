using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Lossless.Analyzers.Infrastructure;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.CodeFixes.Migrations;

/// <summary>
/// The migration a diagnostic stands in, read as the analyzer reads it: the same <see cref="MigrationReader"/> over
/// the class's method bodies, the same provider and settings (<see cref="AnalyzerSettings"/>), the same lazily read
/// target models and key graph (<see cref="MigrationModel.Keys"/>). A fix works from these facts and never derives
/// its own; <see cref="Judge"/> runs the analyzer's own rules on them.
/// </summary>
internal sealed class LoadedMigration
{
    private LoadedMigration(Document document, SyntaxNode root, SourceText text, MigrationModel model)
    {
        Document = document;
        Root = root;
        Text = text;
        Model = model;
        NewLine = NewLineOf(text);
        RawStrings = root.SyntaxTree.Options is CSharpParseOptions { LanguageVersion: >= LanguageVersion.CSharp11 };
    }

    public Document Document { get; }

    public SyntaxNode Root { get; }

    public SourceText Text { get; }

    public SyntaxTree Tree => Root.SyntaxTree;

    /// <summary>The model the rules judged: operations of Up and Down, provider, target models, keys.</summary>
    public MigrationModel Model { get; }

    public DatabaseProvider Provider => Model.Provider;

    /// <summary>The file's line break ("\r\n" or "\n").</summary>
    public string NewLine { get; }

    /// <summary>The line break of <paramref name="text"/>: "\r\n" when it has one, else "\n".</summary>
    public static string NewLineOf(SourceText text) => text.ToString().IndexOf("\r\n", System.StringComparison.Ordinal) >= 0 ? "\r\n" : "\n";

    /// <summary>True when the project's language version has raw string literals (C# 11).</summary>
    public bool RawStrings { get; }

    /// <summary>lossless.backup_table_format for this file, or its default.</summary>
    public string BackupFormat => Model.BackupTableFormat;

    /// <summary>Reads the migration class that holds <paramref name="span"/>; null when it is not a migration (or not analysed).</summary>
    public static async Task<LoadedMigration?> LoadAsync(Document document, TextSpan span, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || span.End > root.FullSpan.End
            || root.FindToken(span.Start).Parent?.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration)
        {
            return null;
        }

        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (semanticModel?.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return null;
        }

        var compilation = semanticModel.Compilation;
        if (MigrationSymbols.TryCreate(compilation) is not { } symbols || !symbols.IsMigration(type))
        {
            return null;
        }

        var options = document.Project.AnalyzerOptions;
        if (AnalyzerSettings.IsBeforeAdoption(type, symbols.MigrationIdOf(type), options))
        {
            return null;
        }

        // The analyzer receives each method's operation blocks from the compiler; here they are asked for, method by
        // method, from the same semantic models, and handed to the same reader.
        var reader = new MigrationReader(type, symbols, new MigrationIndex(compilation, symbols));
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method || symbols.IsBuildTargetModel(method))
            {
                continue;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not MethodDeclarationSyntax syntax)
                {
                    continue;
                }

                var model = syntax.SyntaxTree == semanticModel.SyntaxTree ? semanticModel : compilation.GetSemanticModel(syntax.SyntaxTree);
                if (model.GetOperation(syntax, cancellationToken) is { } operation)
                {
                    reader.AddBody(method, MigrationAnalyzer.BodyOf(operation), cancellationToken);
                }
            }
        }

        var provider = AnalyzerSettings.Provider(type, options, ProviderDetector.FromReferences(compilation));
        var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
        return new LoadedMigration(document, root, text, reader.Build(provider, cancellationToken, () => AnalyzerSettings.Read(type, options, BackupTables.OptionKey), key => AnalyzerSettings.Read(type, options, key)));
    }

    /// <summary>The diagnostics the analyzer's rules report on this migration as it stands now.</summary>
    public ImmutableArray<Diagnostic> Judge(CancellationToken cancellationToken)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        MigrationAnalyzer.Judge(Model, diagnostics.Add, cancellationToken);
        return diagnostics.ToImmutable();
    }

    /// <summary>The operation of Up or Down reported at <paramref name="span"/> of this document, or null.</summary>
    public MigrationOperation? OperationAt(TextSpan span)
    {
        foreach (var operations in new[] { Model.Up, Model.Down })
        {
            foreach (var operation in operations)
            {
                if (operation.Location.SourceTree == Tree && operation.Location.SourceSpan == span)
                {
                    return operation;
                }
            }
        }

        return null;
    }

    /// <summary>The position of <paramref name="operation"/> in Up, or -1.</summary>
    public int IndexInUp(MigrationOperation operation) => Model.Up.IndexOf(operation);

    /// <summary>The statement that holds the operation's call, when it is a statement of its own in this document (migrationBuilder.X(…);).</summary>
    public ExpressionStatementSyntax? StatementOf(MigrationOperation operation)
    {
        if (operation.Invocation.Syntax.SyntaxTree != Tree)
        {
            return null;
        }

        for (SyntaxNode? node = operation.Invocation.Syntax; node is not null; node = node.Parent)
        {
            if (node is StatementSyntax statement)
            {
                return statement is ExpressionStatementSyntax expression && expression.Parent is BlockSyntax ? expression : null;
            }
        }

        return null;
    }

    /// <summary>The builder expression the call is made on ("migrationBuilder"), as written.</summary>
    public static string? ReceiverOf(MigrationOperation operation)
        => operation.Invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Expression.ToString() : null;

    /// <summary>The declaration of Up or Down in this document, or null.</summary>
    public MethodDeclarationSyntax? Declaration(IMethodSymbol? method)
    {
        if (method is null)
        {
            return null;
        }

        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.SyntaxTree == Tree && reference.GetSyntax() is MethodDeclarationSyntax declaration)
            {
                return declaration;
            }
        }

        return null;
    }

    /// <summary>The arguments the call writes (not those left at their defaults), by parameter name, as source text.</summary>
    public static List<Argument> ArgumentsOf(MigrationOperation operation)
    {
        var result = new List<Argument>();
        foreach (var argument in operation.Invocation.Arguments)
        {
            if (argument.ArgumentKind != Microsoft.CodeAnalysis.Operations.ArgumentKind.DefaultValue && argument.Parameter is { } parameter
                && argument.Syntax is ArgumentSyntax syntax)
            {
                result.Add(new Argument(parameter.Name, syntax.Expression.ToString()));
            }
        }

        return result;
    }

    /// <summary>The CLR type argument as written (AddColumn&lt;string&gt; gives "string"), or null.</summary>
    public static string? TypeArgumentOf(MigrationOperation operation)
        => operation.Invocation.Syntax is InvocationExpressionSyntax invocation ? DocumentEdits.TypeArgument(invocation) : null;

    /// <summary>The operations of <paramref name="operations"/> of <paramref name="kind"/> on the column, in order.</summary>
    public static List<MigrationOperation> OnColumn(ImmutableArray<MigrationOperation> operations, MigrationOperationKind kind, Analyzers.Model.Targets.ColumnRef column)
    {
        var result = new List<MigrationOperation>();
        foreach (var operation in operations)
        {
            if (operation.Kind == kind && operation.Table is { } table && operation.GetString("name") is { } name
                && new Analyzers.Model.Targets.ColumnRef(operation.Schema, table, name).Matches(column))
            {
                result.Add(operation);
            }
        }

        return result;
    }
}
