using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Benchmarks;

/// <summary>
/// The compiler's own work and the compiler with every Lossless analyzer, on the generated project with N migrations,
/// with and without EF Core; between them, with EF Core an analyzer that only asks for every method's operations, and
/// without EF Core an analyzer that registers nothing (see <see cref="OperationsAnalyzer"/>, <see cref="EmptyAnalyzer"/>). Each
/// run is a fresh compilation of the same parsed trees, so no binding is shared. Besides BenchmarkDotNet's wall-clock
/// time, each run records the process's CPU time: on a machine that other work shares it is the steadier measure of
/// what a build pays, and with concurrent analysis it counts work that wall-clock time hides on an idle core.
/// </summary>
[MemoryDiagnoser]
[CategoriesColumn]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams, BenchmarkLogicalGroupRule.ByCategory)]
public class CompilerCost
{
    public const string EFCore = "EF Core";
    public const string WithoutEFCore = "No EF Core";

    private static readonly ImmutableArray<DiagnosticAnalyzer> Empty = [new EmptyAnalyzer()];
    private static readonly ImmutableArray<DiagnosticAnalyzer> Operations = [new OperationsAnalyzer()];

    private Workload _workload = null!;

    /// <summary>The sizes to measure; Program narrows them for --quick.</summary>
    public static IReadOnlyList<int> Sizes { get; set; } = [100, 1_000, 5_000];

    /// <summary>CPU time of every invocation, warmups first, by method and N.</summary>
    public static ConcurrentDictionary<(string Method, int N), List<TimeSpan>> CpuTimes { get; } = new();

    [ParamsSource(nameof(SizesSource))]
    public int N { get; set; }

    public static IEnumerable<int> SizesSource() => Sizes;

    [GlobalSetup]
    public void Setup() => _workload = Workload.For(N);

    [Benchmark(Baseline = true, Description = "compiler")]
    [BenchmarkCategory(EFCore)]
    public int Compiler() => Measure(nameof(Compiler), () => _workload.EFCoreCompilation().GetDiagnostics());

    [Benchmark(Description = "+ operations analyzer")]
    [BenchmarkCategory(EFCore)]
    public int CompilerAndOperationsAnalyzer() => Measure(nameof(CompilerAndOperationsAnalyzer), () => Analyze(_workload.EFCoreCompilation(), Operations));

    [Benchmark(Description = "+ Lossless")]
    [BenchmarkCategory(EFCore)]
    public int CompilerAndLossless() => Measure(nameof(CompilerAndLossless), () => Analyze(_workload.EFCoreCompilation(), Workload.Analyzers));

    [Benchmark(Baseline = true, Description = "compiler")]
    [BenchmarkCategory(WithoutEFCore)]
    public int CompilerWithoutEFCore() => Measure(nameof(CompilerWithoutEFCore), () => _workload.WithoutEFCoreCompilation().GetDiagnostics());

    [Benchmark(Description = "+ empty analyzer")]
    [BenchmarkCategory(WithoutEFCore)]
    public int CompilerAndEmptyAnalyzerWithoutEFCore() => Measure(nameof(CompilerAndEmptyAnalyzerWithoutEFCore), () => Analyze(_workload.WithoutEFCoreCompilation(), Empty));

    [Benchmark(Description = "+ Lossless")]
    [BenchmarkCategory(WithoutEFCore)]
    public int CompilerAndLosslessWithoutEFCore() => Measure(nameof(CompilerAndLosslessWithoutEFCore), () => Analyze(_workload.WithoutEFCoreCompilation(), Workload.Analyzers));

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        => Workload.WithAnalyzers(compilation, analyzers, logExecutionTime: false, onException: null).GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    private int Measure(string method, Func<ImmutableArray<Diagnostic>> run)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var diagnostics = run();
        process.Refresh();
        var cpu = process.TotalProcessorTime - before;
        CpuTimes.GetOrAdd((method, N), static _ => []).Add(cpu);

        // Every measured run proves it did the whole work: the project compiles and no analyzer threw (AD0001).
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error && !diagnostic.Id.StartsWith("LL", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{method}, N = {N}: {diagnostic}");
            }
        }

        return diagnostics.Length;
    }
}
