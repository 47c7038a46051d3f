using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using System.Threading.Tasks;
using Lossless.Analyzers.Infrastructure;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Operations;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.CodeFixes.Rules.DataLoss.TypeChanges;

/// <summary>
/// The migration a diagnostic is in, read again into the same <see cref="MigrationModel"/> the rules judged (the
/// analyzer's own MigrationReader over the class's method bodies), so the fix works from facts, never guesses.
/// </summary>
internal sealed class MigrationSource
{
    private MigrationSource(Solution solution, MigrationModel model, DatabaseProvider provider)
    {
        Solution = solution;
        Model = model;
        Provider = provider;
    }

    public Solution Solution { get; }

    public MigrationModel Model { get; }

    public DatabaseProvider Provider { get; }

    public static async Task<MigrationSource?> LoadAsync(Document document, TextSpan span, DatabaseProvider provider, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
        if (root is null || semanticModel is null
            || root.FindToken(span.Start).Parent?.FirstAncestorOrSelf<ClassDeclarationSyntax>() is not { } declaration
            || semanticModel.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
        {
            return null;
        }

        var compilation = semanticModel.Compilation;
        var symbols = MigrationSymbols.TryCreate(compilation);
        if (symbols is null || !symbols.IsMigration(type))
        {
            return null;
        }

        var reader = new MigrationReader(type, symbols, new MigrationIndex(compilation, symbols));
        foreach (var member in type.GetMembers())
        {
            if (member is not IMethodSymbol method)
            {
                continue;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (await reference.GetSyntaxAsync(cancellationToken).ConfigureAwait(false) is not BaseMethodDeclarationSyntax syntax)
                {
                    continue;
                }

                var model = syntax.SyntaxTree == semanticModel.SyntaxTree ? semanticModel : compilation.GetSemanticModel(syntax.SyntaxTree);
                var blocks = ImmutableArray.CreateBuilder<IOperation>();
                if (syntax.Body is { } body && model.GetOperation(body, cancellationToken) is { } block)
                {
                    blocks.Add(block);
                }
                else if (syntax.ExpressionBody is { } arrow && model.GetOperation(arrow.Expression, cancellationToken) is { } expression)
                {
                    blocks.Add(expression);
                }

                reader.AddBody(method, blocks.ToImmutable(), cancellationToken);
            }
        }

        return new MigrationSource(document.Project.Solution, reader.Build(provider, cancellationToken), provider);
    }

    /// <summary>The AlterColumn of Up at <paramref name="span"/>, else the first one on <paramref name="column"/> that no marked step covers yet.</summary>
    public MigrationOperation? FindAlterColumn(ColumnRef column, TextSpan? span)
    {
        var up = Model.Up;
        if (span is { } exact)
        {
            foreach (var operation in up)
            {
                if (operation.Kind == MigrationOperationKind.AlterColumn && operation.Location.SourceSpan == exact && Names(operation, column))
                {
                    return operation;
                }
            }
        }

        for (var i = 0; i < up.Length; i++)
        {
            if (up[i].Kind == MigrationOperationKind.AlterColumn && Names(up[i], column)
                && !VerifiedMarker.Covers(up, Provider == DatabaseProvider.Sqlite ? up.Length : i, column))
            {
                return up[i];
            }
        }

        return null;
    }

    /// <summary>The AlterColumn operations of <paramref name="operations"/> on <paramref name="column"/>, in order.</summary>
    public static List<MigrationOperation> AlterColumns(ImmutableArray<MigrationOperation> operations, ColumnRef column)
    {
        var result = new List<MigrationOperation>();
        foreach (var operation in operations)
        {
            if (operation.Kind == MigrationOperationKind.AlterColumn && Names(operation, column))
            {
                result.Add(operation);
            }
        }

        return result;
    }

    public static bool Names(MigrationOperation operation, ColumnRef column)
        => operation.Table is { } table
        && operation.GetString("name") is { } name
        && new ColumnRef(operation.Schema, table, name).Matches(column);

    /// <summary>The statement that holds the operation's call, when it is a statement of its own (migrationBuilder.X(…);).</summary>
    public static StatementSyntax? StatementOf(MigrationOperation operation)
        => operation.Invocation.Syntax.FirstAncestorOrSelf<StatementSyntax>() is ExpressionStatementSyntax statement
            && statement.Parent is BlockSyntax
            ? statement
            : null;

    /// <summary>The builder expression the call is made on ("migrationBuilder"), to call the new steps on the same.</summary>
    public static string? ReceiverOf(MigrationOperation operation)
        => operation.Invocation.Syntax is InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } ? access.Expression.ToString() : null;

    public Document? DocumentOf(SyntaxNode node) => Solution.GetDocument(node.SyntaxTree);
}
