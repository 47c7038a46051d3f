using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using Lossless.Analyzers;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Lossless.CodeFixes.Rules.DataLoss.TypeChanges;

/// <summary>
/// Fixes for column type changes: verify-then-convert (LL1001, LL1002), an explicit USING cast on PostgreSQL and
/// expand/contract (LL1002), and the conversion of a key with every column that references it (LL1003).
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(TypeChangeFixer)), Shared]
public sealed class TypeChangeFixer : CodeFixProvider
{
    public override ImmutableArray<string> FixableDiagnosticIds { get; } =
        ImmutableArray.Create(RuleIds.LossyTypeChange, RuleIds.FailingTypeChange, RuleIds.KeyTypeChange);

    public override FixAllProvider GetFixAllProvider() => TypeChangeFixAll.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            foreach (var kind in KindsFor(diagnostic.Id))
            {
                // Planned now, so that only fixes that can be written are offered.
                var solution = await FixAsync(context.Document, diagnostic, kind, exactSpan: true, context.CancellationToken).ConfigureAwait(false);
                if (solution is null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(Title(kind), _ => Task.FromResult(solution), Key(diagnostic.Id, kind)),
                    diagnostic);
            }
        }
    }

    internal static TypeChangeFixKind[] KindsFor(string id) => id switch
    {
        RuleIds.LossyTypeChange => new[] { TypeChangeFixKind.VerifyThenConvert },
        RuleIds.FailingTypeChange => new[] { TypeChangeFixKind.VerifyThenConvert, TypeChangeFixKind.UsingCast, TypeChangeFixKind.ExpandContract },
        RuleIds.KeyTypeChange => new[] { TypeChangeFixKind.ConvertKey },
        _ => new TypeChangeFixKind[0],
    };

    internal static string Key(string id, TypeChangeFixKind kind) => kind switch
    {
        TypeChangeFixKind.VerifyThenConvert => id == RuleIds.LossyTypeChange ? FixerKeys.LL1001_VerifyThenConvert : FixerKeys.LL1002_VerifyThenConvert,
        TypeChangeFixKind.UsingCast => FixerKeys.LL1002_UsingCast,
        TypeChangeFixKind.ExpandContract => FixerKeys.LL1002_ExpandContract,
        _ => FixerKeys.LL1003_ConvertKey,
    };

    internal static TypeChangeFixKind? KindOf(string equivalenceKey) => equivalenceKey switch
    {
        FixerKeys.LL1001_VerifyThenConvert or FixerKeys.LL1002_VerifyThenConvert => TypeChangeFixKind.VerifyThenConvert,
        FixerKeys.LL1002_UsingCast => TypeChangeFixKind.UsingCast,
        FixerKeys.LL1002_ExpandContract => TypeChangeFixKind.ExpandContract,
        FixerKeys.LL1003_ConvertKey => TypeChangeFixKind.ConvertKey,
        _ => null,
    };

    private static string Title(TypeChangeFixKind kind) => kind switch
    {
        TypeChangeFixKind.VerifyThenConvert => "Verify every value, then convert",
        TypeChangeFixKind.UsingCast => "Verify every value, then convert with an explicit USING cast",
        TypeChangeFixKind.ExpandContract => "Convert through a new column (expand/contract)",
        _ => "Convert the key and every column that references it",
    };

    /// <summary>
    /// Applies one fix kind to the AlterColumn a diagnostic is on: at its exact span, or (Fix All, after earlier fixes
    /// moved it) the first AlterColumn on its column that no verified step covers yet.
    /// </summary>
    internal static async Task<Solution?> FixAsync(Document document, Diagnostic diagnostic, TypeChangeFixKind kind, bool exactSpan, CancellationToken cancellationToken)
    {
        if (!diagnostic.Properties.TryGetValue(DiagnosticProperties.Table, out var table) || table is null
            || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Column, out var name) || name is null)
        {
            return null;
        }

        diagnostic.Properties.TryGetValue(DiagnosticProperties.Schema, out var schema);
        diagnostic.Properties.TryGetValue(DiagnosticProperties.Provider, out var providerName);
        var provider = ProviderOf(providerName);
        if (provider is not (DatabaseProvider.PostgreSql or DatabaseProvider.SqlServer or DatabaseProvider.Sqlite))
        {
            return null;
        }

        var source = await MigrationSource.LoadAsync(document, diagnostic.Location.SourceSpan, provider, cancellationToken).ConfigureAwait(false);
        var column = new ColumnRef(schema, table, name);
        if (source?.FindAlterColumn(column, exactSpan ? diagnostic.Location.SourceSpan : null) is not { } alterColumn)
        {
            return null;
        }

        return TypeChangePlan.Apply(source, alterColumn, kind, cancellationToken);
    }

    private static DatabaseProvider ProviderOf(string? name) => name switch
    {
        "postgresql" => DatabaseProvider.PostgreSql,
        "sqlserver" => DatabaseProvider.SqlServer,
        "sqlite" => DatabaseProvider.Sqlite,
        "mysql" => DatabaseProvider.MySql,
        _ => DatabaseProvider.Unknown,
    };
}
