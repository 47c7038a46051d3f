using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Lossless.Analyzers.Infrastructure;
using Lossless.Benchmarks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Corpus;

/// <summary>The analysis of a set (what Lossless reports, and what went wrong) and the measurement of its cost.</summary>
public static class Analysis
{
    /// <summary>Options as a build without .editorconfig runs the analyzers: no lossless.provider, so the MySQL sets
    /// (no provider assembly) are analysed provider-neutral.</summary>
    public static readonly AnalyzerOptions NoOptions = new(ImmutableArray<AdditionalText>.Empty);

    /// <summary>
    /// The options every analysis and cost run of this process gives the analyzers: <see cref="NoOptions"/>, or the
    /// global options of --option (as a .globalconfig gives them to a build).
    /// </summary>
    public static AnalyzerOptions Options { get; private set; } = NoOptions;

    /// <summary>Runs every later analysis with <paramref name="globalOptions"/> as the build's global options.</summary>
    public static void UseGlobalOptions(IReadOnlyDictionary<string, string> globalOptions)
        => Options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(globalOptions));

    private sealed class GlobalOptionsProvider(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly ConfigOptions _global = new(values);
        private static readonly ConfigOptions Empty = new(new Dictionary<string, string>());

        public override AnalyzerConfigOptions GlobalOptions => _global;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Empty;
    }

    private sealed class ConfigOptions(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }

    /// <summary>
    /// Compiles the set, runs every Lossless analyzer concurrently, and fills <paramref name="result"/>: the compiler's
    /// errors, the analyzer exceptions, and one row per Lossless diagnostic. Returns the number of Lossless diagnostics.
    /// </summary>
    public static async Task<int> AnalyzeAsync(SetSources sources, SetResult result, List<string> exceptionDetails, CancellationToken cancellationToken)
    {
        var compilation = sources.NewCompilation();
        foreach (var error in compilation.GetDiagnostics(cancellationToken).Where(static d => d.Severity == DiagnosticSeverity.Error))
        {
            result.CompileErrors.Add(Describe(sources, error));
        }

        var diagnostics = await RunAsync(compilation, Catalog.Analyzers, result, exceptionDetails, cancellationToken);
        var rows = diagnostics.Where(Catalog.IsLossless).Select(d => Row(sources, d)).ToList();
        rows.Sort(RowOrder);
        result.Diagnostics.AddRange(rows);
        return rows.Count;
    }

    /// <summary>
    /// Runs <paramref name="analyzers"/> concurrently over <paramref name="compilation"/>, as a build runs them, and
    /// records every analyzer exception (reported through OnAnalyzerException or as an AD diagnostic) once.
    /// </summary>
    public static async Task<ImmutableArray<Diagnostic>> RunAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, SetResult? result, List<string>? exceptionDetails, CancellationToken cancellationToken)
    {
        var thrown = new ConcurrentQueue<(Exception Exception, DiagnosticAnalyzer Analyzer, Diagnostic Diagnostic)>();
        var options = new CompilationWithAnalyzersOptions(
            Options,
            onAnalyzerException: (exception, analyzer, diagnostic) => thrown.Enqueue((exception, analyzer, diagnostic)),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false,
            reportSuppressedDiagnostics: false);
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(cancellationToken);
        if (result is not null)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (exception, analyzer, diagnostic) in thrown)
            {
                var detail = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                if (seen.Add(detail))
                {
                    result.AnalyzerExceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {OneLine(exception.Message)}{Context(detail)}");
                    exceptionDetails?.Add($"== {result.Set.Name}: {analyzer.GetType().Name}\n{detail}\n{exception}\n");
                }
            }

            foreach (var diagnostic in diagnostics.Where(static d => d.Id.StartsWith("AD", StringComparison.Ordinal)))
            {
                var detail = diagnostic.GetMessage(CultureInfo.InvariantCulture);
                if (seen.Add(detail))
                {
                    result.AnalyzerExceptions.Add($"{diagnostic.Id}: {OneLine(detail)}");
                    exceptionDetails?.Add($"== {result.Set.Name}: {diagnostic.Id}\n{detail}\n");
                }
            }
        }

        return diagnostics;
    }

    /// <summary>
    /// Measures, <paramref name="repeat"/> times on fresh compilations of the same trees: the compiler's CPU
    /// (GetDiagnostics), the floor analyzer's own CPU, the binding floor's (the operation trees of the migration bodies
    /// Lossless reads, nothing else), and Lossless's own CPU (every callback it registers, on the
    /// threads that ran it: <see cref="MeteredAnalyzer"/>), alone and beside EF Core's own analyzers
    /// (<see cref="EFCoreAnalyzers"/>), each analyzer run with the compiler as a build runs it.
    /// Every run proves it did the work: the Lossless runs report what the analysis reported, the floor reads calls.
    /// </summary>
    public static async Task<Cost> MeasureAsync(SetSources sources, int repeat, int expectedLossless, SetResult result, CancellationToken cancellationToken)
    {
        var compile = new List<double>();
        var floor = new List<double>();
        var lossless = new List<double>();
        var binding = new List<double>();
        var besideEFCore = new List<double>();
        var allocated = new List<double>();
        var bindingAllocated = new List<double>();
        var floorCollector = new List<double>();
        var losslessCollector = new List<double>();
        var besideCollector = new List<double>();
        for (var run = 0; run < repeat; run++)
        {
            Collect();
            compile.Add(CompileCpu(sources, cancellationToken).TotalMilliseconds);

            Collect();
            var floorMeter = new MeteredAnalyzer(new FloorAnalyzer());
            var floorRun = CollectorRun.Start();
            var floorDiagnostics = await RunAllAsync(sources.NewCompilation(), [floorMeter], cancellationToken);
            floor.Add(floorMeter.CpuTime.TotalMilliseconds);
            floorCollector.Add(floorRun.ShareOf(floorMeter.AllocatedBytes));
            var counts = floorDiagnostics.Select(FloorAnalyzer.ReadCounts).FirstOrDefault(static c => c is not null);
            if (counts is null)
            {
                result.Problems.Add($"run {run + 1}: the floor analyzer reported no count (did it run?)");
            }
            else
            {
                result.FloorCalls = counts.Value.Calls;
            }

            Collect();
            var bindingMeter = new MeteredAnalyzer(new BindingFloorAnalyzer());
            var bindingDiagnostics = await RunAllAsync(sources.NewCompilation(), [bindingMeter], cancellationToken);
            binding.Add(bindingMeter.CpuTime.TotalMilliseconds);
            bindingAllocated.Add(bindingMeter.AllocatedBytes / 1e6);
            var bound = bindingDiagnostics.Select(BindingFloorAnalyzer.ReadCounts).FirstOrDefault(static c => c is not null);
            if (bound is null)
            {
                result.Problems.Add($"run {run + 1}: the binding floor reported no count (did it run?)");
            }
            else
            {
                result.BoundBodies = bound.Value.Bodies;
            }

            Collect();
            var meters = Catalog.Analyzers.Select(static analyzer => new MeteredAnalyzer(analyzer)).ToImmutableArray();
            var losslessRun = CollectorRun.Start();
            var diagnostics = await RunAllAsync(sources.NewCompilation(), meters.CastArray<DiagnosticAnalyzer>(), cancellationToken);
            lossless.Add(meters.Sum(static meter => meter.CpuTime.TotalMilliseconds));
            allocated.Add(meters.Sum(static meter => meter.AllocatedBytes) / 1e6);
            losslessCollector.Add(losslessRun.ShareOf(meters.Sum(static meter => meter.AllocatedBytes)));
            var reported = diagnostics.Count(Catalog.IsLossless);
            if (reported != expectedLossless)
            {
                result.Problems.Add($"run {run + 1}: Lossless reported {reported} diagnostics, the analysis {expectedLossless}");
            }

            // As a user's build runs Lossless: beside EF Core's own analyzers, whose operation actions make the driver
            // build the operation trees of the method bodies they analyze (Up and Down among them) before the callbacks.
            Collect();
            var besideMeters = Catalog.Analyzers.Select(static analyzer => new MeteredAnalyzer(analyzer)).ToImmutableArray();
            var besideRun = CollectorRun.Start();
            var besideDiagnostics = await RunAllAsync(sources.NewCompilation(), EFCoreAnalyzers.Analyzers.AddRange(besideMeters.CastArray<DiagnosticAnalyzer>()), cancellationToken);
            besideEFCore.Add(besideMeters.Sum(static meter => meter.CpuTime.TotalMilliseconds));
            besideCollector.Add(besideRun.ShareOf(besideMeters.Sum(static meter => meter.AllocatedBytes)));
            var reportedBeside = besideDiagnostics.Count(Catalog.IsLossless);
            if (reportedBeside != expectedLossless)
            {
                result.Problems.Add($"run {run + 1}: Lossless beside EF Core's analyzers reported {reportedBeside} diagnostics, the analysis {expectedLossless}");
            }
        }

        return new Cost(compile, floor, lossless, binding, besideEFCore, allocated, bindingAllocated, floorCollector, losslessCollector, besideCollector);
    }

    /// <summary>The collector's CPU and the process's allocations from the start of one measured run.</summary>
    private readonly record struct CollectorRun(double CollectorMs, long AllBytes)
    {
        public static CollectorRun Start() => new(Collector.ThreadsCpu(), GC.GetTotalAllocatedBytes(precise: true));

        /// <summary>The share of the collector's CPU since <see cref="Start"/> charged to an analyzer that allocated <paramref name="bytes"/>.</summary>
        public double ShareOf(long bytes)
            => Collector.Share(Collector.ThreadsCpu() - CollectorMs, bytes, GC.GetTotalAllocatedBytes(precise: true) - AllBytes);
    }

    /// <summary>
    /// Lossless alone, <paramref name="repeat"/> runs more with its <see cref="PartMeter"/> installed: the thread CPU of
    /// each part of its callbacks (EF Core's types, reading Up and Down, building the model, each rule) and the megabytes
    /// it allocated, per run. Apart
    /// from the verdict's runs, which run without it: the meter reads the thread's clock twice a part.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, IReadOnlyList<double>> Ms, IReadOnlyDictionary<string, IReadOnlyList<double>> AllocatedMB)> MeasurePartsAsync(SetSources sources, int repeat, int expectedLossless, SetResult result, CancellationToken cancellationToken)
    {
        var parts = new SortedDictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        var allocated = new SortedDictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        for (var run = 0; run < repeat; run++)
        {
            Collect();
            var meter = new ThreadPartMeter();
            PartMeter.Current = meter;
            ImmutableArray<Diagnostic> diagnostics;
            try
            {
                diagnostics = await RunAllAsync(sources.NewCompilation(), Catalog.Analyzers, cancellationToken);
            }
            finally
            {
                PartMeter.Current = null;
            }

            var reported = diagnostics.Count(Catalog.IsLossless);
            if (reported != expectedLossless)
            {
                result.Problems.Add($"parts run {run + 1}: Lossless reported {reported} diagnostics, the analysis {expectedLossless}");
            }

            AddRun(parts, run, meter.Ticks.Select(static p => (p.Key, TimeSpan.FromTicks(p.Value).TotalMilliseconds)));
            AddRun(allocated, run, meter.Bytes.Select(static p => (p.Key, p.Value / 1e6)));
        }

        return (parts, allocated);
    }

    private static void AddRun(SortedDictionary<string, IReadOnlyList<double>> parts, int run, IEnumerable<(string Part, double Value)> measured)
    {
        foreach (var (part, value) in measured)
        {
            if (!parts.TryGetValue(part, out var values))
            {
                // A part no earlier run met (a rule asked nothing there) counted zero in those runs.
                parts[part] = values = new List<double>(Enumerable.Repeat(0.0, run));
            }

            ((List<double>)values).Add(value);
        }

        foreach (var values in parts.Values)
        {
            if (values.Count < run + 1)
            {
                ((List<double>)values).Add(0);
            }
        }
    }

    /// <summary>
    /// Sums the calling thread's CPU (<see cref="ThreadCpu"/>) and the bytes it allocated by part; the analyzer's callbacks
    /// run on several threads. Each part stops on the thread that started it, the last started first (a part inside
    /// another, as a scratch meter may add, is counted in both).
    /// </summary>
    private sealed class ThreadPartMeter : PartMeter
    {
        [ThreadStatic]
        private static Stack<long>? _allocatedAtStart;

        public ConcurrentDictionary<string, long> Ticks { get; } = new(StringComparer.Ordinal);

        public ConcurrentDictionary<string, long> Bytes { get; } = new(StringComparer.Ordinal);

        public override long Start()
        {
            (_allocatedAtStart ??= new Stack<long>()).Push(GC.GetAllocatedBytesForCurrentThread());
            return ThreadCpu.Now();
        }

        public override void Stop(string part, long start)
        {
            var elapsed = ThreadCpu.Now() - start;
            var bytes = GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart!.Pop();
            Ticks.AddOrUpdate(part, elapsed, (_, total) => total + elapsed);
            Bytes.AddOrUpdate(part, bytes, (_, total) => total + bytes);
        }
    }

    public static string Describe(SetSources sources, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = diagnostic.Location.IsInSource ? $"{sources.RelativePath(diagnostic.Location.SourceTree)}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): " : string.Empty;
        return $"{where}{diagnostic.Id}: {OneLine(diagnostic.GetMessage(CultureInfo.InvariantCulture))}";
    }

    public static DiagnosticRow Row(SetSources sources, Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        return new DiagnosticRow(
            sources.Set.Name,
            sources.RelativePath(diagnostic.Location.SourceTree),
            span.StartLinePosition.Line + 1,
            span.StartLinePosition.Character + 1,
            diagnostic.Id,
            diagnostic.Severity.ToString(),
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    public static int RowOrder(DiagnosticRow x, DiagnosticRow y)
    {
        var order = string.CompareOrdinal(x.File, y.File);
        order = order != 0 ? order : x.Line.CompareTo(y.Line);
        order = order != 0 ? order : x.Column.CompareTo(y.Column);
        order = order != 0 ? order : string.CompareOrdinal(x.Id, y.Id);
        return order != 0 ? order : string.CompareOrdinal(x.Message, y.Message);
    }

    public static string OneLine(string text) => text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace('\n', ' ').Replace('\t', ' ');

    /// <summary>The "ISymbol: …" line of an AD0001 message: which migration the analyzer was reading.</summary>
    private static string Context(string detail)
    {
        foreach (var line in detail.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("ISymbol:", StringComparison.Ordinal) || trimmed.StartsWith("SyntaxTree:", StringComparison.Ordinal))
            {
                return " [" + trimmed + "]";
            }
        }

        return string.Empty;
    }

    private static async Task<ImmutableArray<Diagnostic>> RunAllAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, CancellationToken cancellationToken)
    {
        var options = new CompilationWithAnalyzersOptions(Options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        return await compilation.WithAnalyzers(analyzers, options).GetAllDiagnosticsAsync(cancellationToken);
    }

    private static TimeSpan CompileCpu(SetSources sources, CancellationToken cancellationToken)
    {
        var compilation = sources.NewCompilation();
        var before = ProcessCpu();
        _ = compilation.GetDiagnostics(cancellationToken);
        return ProcessCpu() - before;
    }

    /// <summary>
    /// The process's CPU time, every thread: clock_gettime(CLOCK_PROCESS_CPUTIME_ID) on Linux and macOS (nanoseconds;
    /// Process.TotalProcessorTime counts in 10 ms clock ticks there, too coarse for the small sets).
    /// </summary>
    private static TimeSpan ProcessCpu()
    {
        var clock = OperatingSystem.IsLinux() ? ClockProcessCpuTimeIdLinux : OperatingSystem.IsMacOS() ? ClockProcessCpuTimeIdMacOS : -1;
        if (clock >= 0 && clock_gettime(clock, out var time) == 0)
        {
            return TimeSpan.FromTicks((time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100));
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    private const int ClockProcessCpuTimeIdLinux = 2;
    private const int ClockProcessCpuTimeIdMacOS = 12;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }
}
