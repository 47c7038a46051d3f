using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Benchmarks;

/// <summary>
/// With EF Core: the compiler's own work, the compiler with an analyzer that only asks for every method's operations
/// (<see cref="OperationsAnalyzer"/>), and the compiler with every Lossless analyzer, on the generated project with N
/// migrations. Without EF Core: the compiler with an analyzer that registers nothing (<see cref="EmptyAnalyzer"/>)
/// against the compiler with Lossless. Each run is a fresh compilation of the same parsed trees, so no binding is shared. Besides BenchmarkDotNet's wall-clock
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

    /// <summary>What each size's project was proven to produce, by N; filled as the sizes come.</summary>
    public static ConcurrentDictionary<int, Verification> Verifications { get; } = new();

    /// <summary>
    /// Generates and parses the size's project once and proves it does the work it is timed for (that proof is also
    /// the warm-up: every tree is realized and every code path compiled before the first measured run).
    /// </summary>
    [GlobalSetup]
    public void Setup()
    {
        _workload = Workload.For(N);
        var verification = Verifications.GetOrAdd(N, static (_, workload) => Verification.RunAsync(workload).GetAwaiter().GetResult(), _workload);
        if (verification.Problems.Count > 0)
        {
            Console.WriteLine(verification);
            Console.WriteLine(string.Join(Environment.NewLine, verification.Problems.Select(static p => "  PROBLEM: " + p)));
            Console.WriteLine("Verdict: FAIL (the generated project is not analysed as planted; timings would mean nothing)");
            Environment.Exit(1);
        }
    }

    [Benchmark(Baseline = true, Description = "compiler")]
    [BenchmarkCategory(EFCore)]
    public int Compiler() => Measure(nameof(Compiler), () => _workload.EFCoreCompilation().GetDiagnostics());

    [Benchmark(Description = "+ operations analyzer")]
    [BenchmarkCategory(EFCore)]
    public int CompilerAndOperationsAnalyzer() => Measure(nameof(CompilerAndOperationsAnalyzer), () => Analyze(_workload.EFCoreCompilation(), Operations));

    [Benchmark(Description = "+ Lossless")]
    [BenchmarkCategory(EFCore)]
    public int CompilerAndLossless() => Measure(nameof(CompilerAndLossless), () => Analyze(_workload.EFCoreCompilation(), Workload.Analyzers));

    [Benchmark(Baseline = true, Description = "+ empty analyzer")]
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
