using System.Collections.Immutable;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Providers;
using Lossless.Analyzers.Rules;
using Lossless.Analyzers.Rules.DataLoss;
using Lossless.Analyzers.Rules.Reversibility;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Analyzers.Infrastructure;

/// <summary>
/// The one entry point: recognises migrations by symbol, reads each once into a <see cref="MigrationModel"/>, and
/// hands the model to every rule. A compilation without EF Core Relational costs one type lookup and nothing more.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MigrationAnalyzer : DiagnosticAnalyzer
{
    private static readonly ImmutableArray<MigrationRule> Rules = ImmutableArray.Create<MigrationRule>(
        new ColumnTypeChangeRule(),
        new DropColumnRule(),
        new DropTableRule(),
        new RenameAsDropAndAddRule(),
        new MadeRequiredRule(),
        new RequiredColumnAddedRule(),
        new DestructiveSqlRule(),
        new MissingDownRule(),
        new EmptyDownRule(),
        new DownDoesNotUndoUpRule());

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CollectDescriptors();

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(static start =>
        {
            var symbols = MigrationSymbols.TryCreate(start.Compilation);
            if (symbols is null)
            {
                return;
            }

            var referencedProvider = ProviderDetector.FromReferences(start.Compilation);
            var index = new MigrationIndex(start.Compilation, symbols);
            start.RegisterSymbolStartAction(
                symbolStart =>
                {
                    var type = (INamedTypeSymbol)symbolStart.Symbol;
                    if (!symbols.IsMigration(type) || AnalyzerSettings.IsBeforeAdoption(type, symbols.MigrationIdOf(type), symbolStart.Options))
                    {
                        return;
                    }

                    var reader = new MigrationReader(type, symbols, index);
                    symbolStart.RegisterOperationBlockAction(block => reader.AddBody(block.OwningSymbol, block.OperationBlocks, block.CancellationToken));
                    symbolStart.RegisterSymbolEndAction(end =>
                    {
                        var provider = AnalyzerSettings.Provider(type, end.Options, referencedProvider);
                        var options = end.Options;
                        var migration = reader.Build(provider, end.CancellationToken, () => AnalyzerSettings.Read(type, options, BackupTables.OptionKey));
                        var context = new RuleContext(end.ReportDiagnostic, end.CancellationToken);
                        foreach (var rule in Rules)
                        {
                            rule.Analyze(migration, context);
                        }
                    });
                },
                SymbolKind.NamedType);
        });
    }

    /// <summary>
    /// Runs every rule on a migration already read, as the analyzer does at the end of its class: the code fixes judge
    /// a migration they have edited with the same rules, on the same model, never with a copy of them.
    /// </summary>
    internal static void Judge(MigrationModel migration, System.Action<Diagnostic> report, System.Threading.CancellationToken cancellationToken)
    {
        var context = new RuleContext(report, cancellationToken);
        foreach (var rule in Rules)
        {
            rule.Analyze(migration, context);
        }
    }

    private static ImmutableArray<DiagnosticDescriptor> CollectDescriptors()
    {
        var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
        foreach (var rule in Rules)
        {
            builder.AddRange(rule.SupportedDiagnostics);
        }

        return builder.ToImmutable();
    }
}
