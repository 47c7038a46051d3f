using System.Collections.Concurrent;
using System.Collections.Immutable;
using Lossless.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Lossless.Tests.Verifiers;

/// <summary>Runs every Lossless analyzer over sources that may not compile, and collects analyzer exceptions.</summary>
public static class AnalyzerRunner
{
    public static Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyCollection<string> Exceptions)> RunAsync(TestProvider provider, params string[] sources)
        => RunAsync(EFCoreReferences.For(provider), sources);

    /// <summary>What the analyzer registered and ran on a compilation of <paramref name="sources"/>.</summary>
    public static async Task<AnalyzerTelemetryInfo> TelemetryAsync(ImmutableArray<MetadataReference> references, params string[] sources)
    {
        var analyzer = new MigrationAnalyzer();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true);
        var withAnalyzers = Compile(references, sources).WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer), options);
        await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        return await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None);
    }

    private static CSharpCompilation Compile(ImmutableArray<MetadataReference> references, string[] sources)
    {
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"/0/Test{i}.cs")).ToArray();
        return CSharpCompilation.Create("Tests", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    public static Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyCollection<string> Exceptions)> RunAsync(ImmutableArray<MetadataReference> references, params string[] sources)
        => RunAsync(references, reportSuppressed: false, sources);

    public static async Task<(ImmutableArray<Diagnostic> Diagnostics, IReadOnlyCollection<string> Exceptions)> RunAsync(ImmutableArray<MetadataReference> references, bool reportSuppressed, params string[] sources)
    {
        var compilation = Compile(references, sources);
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
            onAnalyzerException: (exception, analyzer, diagnostic) => exceptions.Add(exception.ToString()),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: reportSuppressed);
        var withAnalyzers = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MigrationAnalyzer()), options);
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                exceptions.Add(diagnostic.ToString());
            }
        }

        return (diagnostics, exceptions);
    }
}
