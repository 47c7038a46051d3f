using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

#pragma warning disable RS1036, RS1041 // Measuring sticks loaded by this benchmark only, never by a compiler.

namespace Lossless.Benchmarks;

/// <summary>
/// An analyzer that registers nothing: it measures the analyzer driver's own cost, which every build that runs any
/// analyzer pays. On a compilation without EF Core, Lossless must cost no more than this.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EmptyAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
    }
}

/// <summary>
/// An analyzer that asks for the operations (IOperation) of every method body outside generated code and does nothing
/// with them. Roslyn binds a body a second time to build its operations, for the first analyzer that asks; builds
/// already pay that when any operation analyzer runs, such as the SDK's CA1416, on by default since .NET 5. Lossless
/// above this is Lossless's own work: reading the operations, the Designer models, and the rules.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class OperationsAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray<DiagnosticDescriptor>.Empty;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterOperationBlockAction(static _ => { });
    }
}
