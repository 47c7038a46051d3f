using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Benchmarks;

/// <summary>
/// On the generated project with N migrations against the real EF Core 10 and Npgsql assemblies: the compiler's own
/// work; the compiler with every Lossless analyzer; the compiler with the analyzers an EF Core project's build already
/// runs (<see cref="BuildAnalyzers"/>); and those plus Lossless. Each run is a fresh compilation of the same parsed
/// trees, so no binding is shared. Besides BenchmarkDotNet's wall-clock time, each run records the process's CPU time,
/// and the runs with Lossless the CPU time of Lossless's own callbacks (<see cref="MeteredAnalyzer"/>).
/// </summary>
[MemoryDiagnoser]
public class CompilerCost
{
    private Workload _workload = null!;

    /// <summary>The sizes to measure; Program narrows them for --quick.</summary>
    public static IReadOnlyList<int> Sizes { get; set; } = [100, 1_000, 5_000];

    /// <summary>Process CPU time of every invocation, warmups first, by method and N.</summary>
    public static ConcurrentDictionary<(string Method, int N), List<TimeSpan>> CpuTimes { get; } = new();

    /// <summary>CPU time of Lossless's own callbacks in every invocation that runs Lossless, by method and N.</summary>
    public static ConcurrentDictionary<(string Method, int N), List<TimeSpan>> LosslessCpuTimes { get; } = new();

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
    public int Compiler() => Measure(nameof(Compiler), () => _workload.EFCoreCompilation().GetDiagnostics(), meters: []);

    [Benchmark(Description = "+ Lossless")]
    public int CompilerAndLossless() => MeasureWithLossless(nameof(CompilerAndLossless), []);

    [Benchmark(Description = "+ build's analyzers")]
    public int CompilerAndBuildAnalyzers() => Measure(nameof(CompilerAndBuildAnalyzers), () => Analyze(_workload.EFCoreCompilation(), BuildAnalyzers.Analyzers), meters: []);

    [Benchmark(Description = "+ build's analyzers + Lossless")]
    public int CompilerAndBuildAnalyzersAndLossless() => MeasureWithLossless(nameof(CompilerAndBuildAnalyzersAndLossless), BuildAnalyzers.Analyzers);

    private int MeasureWithLossless(string method, ImmutableArray<DiagnosticAnalyzer> others)
    {
        var meters = Workload.Analyzers.Select(static analyzer => new MeteredAnalyzer(analyzer)).ToArray();
        return Measure(method, () => Analyze(_workload.EFCoreCompilation(), others.AddRange(meters)), meters);
    }

    private static ImmutableArray<Diagnostic> Analyze(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
        => Workload.WithAnalyzers(compilation, analyzers, logExecutionTime: false, onException: null).GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    private int Measure(string method, Func<ImmutableArray<Diagnostic>> run, MeteredAnalyzer[] meters)
    {
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var diagnostics = run();
        process.Refresh();
        var cpu = process.TotalProcessorTime - before;
        CpuTimes.GetOrAdd((method, N), static _ => []).Add(cpu);
        if (meters.Length > 0)
        {
            LosslessCpuTimes.GetOrAdd((method, N), static _ => []).Add(TimeSpan.FromTicks(meters.Sum(static meter => meter.CpuTime.Ticks)));
        }

        // Every measured run proves it did the whole work: the project compiles, no analyzer threw (AD0001), and
        // every run with Lossless reports exactly the planted diagnostics.
        var lossless = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001" || (diagnostic.Severity == DiagnosticSeverity.Error && !diagnostic.Id.StartsWith("LL", StringComparison.Ordinal)))
            {
                throw new InvalidOperationException($"{method}, N = {N}: {diagnostic}");
            }

            // The Availability infos (LL3xxx) on the workload's index, foreign-key and widening operations are analysed
            // (their cost is measured) but not planted: counted apart from the planted LL1001-LL1003.
            lossless += diagnostic.Id.StartsWith("LL", StringComparison.Ordinal) && !diagnostic.Id.StartsWith("LL3", StringComparison.Ordinal) ? 1 : 0;
        }

        var planted = meters.Length > 0 ? _workload.Corpus.Expected.Values.Sum() : 0;
        if (lossless != planted)
        {
            throw new InvalidOperationException($"{method}, N = {N}: {lossless} Lossless diagnostics, {planted} planted");
        }

        return diagnostics.Length;
    }
}
