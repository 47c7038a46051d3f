using System.Collections.Immutable;
using System.Runtime.InteropServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

#pragma warning disable RS1001, RS1012, RS1025, RS1026, RS1036, RS1041 // A measuring sleeve around the real analyzers, loaded by this benchmark only.

namespace Lossless.Benchmarks;

/// <summary>
/// Runs an analyzer unchanged and adds up the CPU time its callbacks spend on their own threads (the compilation
/// start action and every action it registers, at every level). Thread CPU time is not inflated by other threads
/// competing for the cores, unlike Roslyn's telemetry, which is elapsed time inside callbacks: on a busy 2-core
/// machine the analyzer's share of a build is what its own threads computed, and this is that. The bytes the
/// callbacks allocate are added up too: they vary far less from run to run than CPU time does on a shared machine,
/// so a before/after of a change a few milliseconds wide can be read from them.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MeteredAnalyzer(DiagnosticAnalyzer inner) : DiagnosticAnalyzer
{
    private long _ticks;
    private long _bytes;

    public DiagnosticAnalyzer Inner { get; } = inner;

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Inner.SupportedDiagnostics;

    /// <summary>CPU time the wrapped analyzer's callbacks used since the last <see cref="Reset"/>.</summary>
    public TimeSpan CpuTime => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));

    /// <summary>Bytes the wrapped analyzer's callbacks allocated on their threads since the last <see cref="Reset"/>.</summary>
    public long AllocatedBytes => Interlocked.Read(ref _bytes);

    public void Reset()
    {
        Interlocked.Exchange(ref _ticks, 0);
        Interlocked.Exchange(ref _bytes, 0);
    }

    public override void Initialize(AnalysisContext context) => Inner.Initialize(new Context(context, this));

    internal Action<T> Meter<T>(Action<T> action)
        => argument =>
        {
            var start = ThreadCpu.Now();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                action(argument);
            }
            finally
            {
                Interlocked.Add(ref _bytes, GC.GetAllocatedBytesForCurrentThread() - allocated);
                Interlocked.Add(ref _ticks, ThreadCpu.Now() - start);
            }
        };

    private sealed class Context(AnalysisContext context, MeteredAnalyzer meter) : AnalysisContext
    {
        public override void EnableConcurrentExecution() => context.EnableConcurrentExecution();

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => context.ConfigureGeneratedCodeAnalysis(analysisMode);

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action)
            => context.RegisterCompilationStartAction(meter.Meter<CompilationStartAnalysisContext>(start => action(new CompilationStart(start, meter))));

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => context.RegisterCompilationAction(meter.Meter(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => context.RegisterSemanticModelAction(meter.Meter(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => context.RegisterSymbolAction(meter.Meter(action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
            => context.RegisterSymbolStartAction(meter.Meter<SymbolStartAnalysisContext>(start => action(new SymbolStart(start, meter))), symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => context.RegisterCodeBlockStartAction(meter.Meter(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => context.RegisterCodeBlockAction(meter.Meter(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => context.RegisterSyntaxTreeAction(meter.Meter(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => context.RegisterSyntaxNodeAction(meter.Meter(action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => context.RegisterOperationBlockStartAction(meter.Meter(action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => context.RegisterOperationBlockAction(meter.Meter(action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => context.RegisterOperationAction(meter.Meter(action), operationKinds);
    }

    private sealed class CompilationStart(CompilationStartAnalysisContext context, MeteredAnalyzer meter)
        : CompilationStartAnalysisContext(context.Compilation, context.Options, context.CancellationToken)
    {
        public override void RegisterCompilationEndAction(Action<CompilationAnalysisContext> action) => context.RegisterCompilationEndAction(meter.Meter(action));

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => context.RegisterSemanticModelAction(meter.Meter(action));

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => context.RegisterSymbolAction(meter.Meter(action), symbolKinds);

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind)
            => context.RegisterSymbolStartAction(meter.Meter<SymbolStartAnalysisContext>(start => action(new SymbolStart(start, meter))), symbolKind);

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => context.RegisterCodeBlockStartAction(meter.Meter(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => context.RegisterCodeBlockAction(meter.Meter(action));

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => context.RegisterOperationBlockStartAction(meter.Meter(action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => context.RegisterOperationBlockAction(meter.Meter(action));

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => context.RegisterSyntaxTreeAction(meter.Meter(action));

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => context.RegisterAdditionalFileAction(meter.Meter(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => context.RegisterSyntaxNodeAction(meter.Meter(action), syntaxKinds);

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => context.RegisterOperationAction(meter.Meter(action), operationKinds);
    }

#pragma warning disable CS0618 // The only constructor Roslyn exposes for a symbol-start context; Lossless reads Symbol, Compilation, Options and CancellationToken.
    private sealed class SymbolStart(SymbolStartAnalysisContext context, MeteredAnalyzer meter)
        : SymbolStartAnalysisContext(context.Symbol, context.Compilation, context.Options, context.CancellationToken)
#pragma warning restore CS0618
    {
        public override void RegisterSymbolEndAction(Action<SymbolAnalysisContext> action) => context.RegisterSymbolEndAction(meter.Meter(action));

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => context.RegisterCodeBlockStartAction(meter.Meter(action));

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => context.RegisterCodeBlockAction(meter.Meter(action));

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => context.RegisterSyntaxNodeAction(meter.Meter(action), syntaxKinds);

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => context.RegisterOperationBlockStartAction(meter.Meter(action));

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => context.RegisterOperationBlockAction(meter.Meter(action));

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => context.RegisterOperationAction(meter.Meter(action), operationKinds);
    }
}

/// <summary>The calling thread's CPU time in ticks (Linux and macOS: clock_gettime; elsewhere elapsed time).</summary>
internal static class ThreadCpu
{
    private const int ClockThreadCpuTimeIdLinux = 3;
    private const int ClockThreadCpuTimeIdMacOS = 16;

    public static long Now()
    {
        var clock = OperatingSystem.IsLinux() ? ClockThreadCpuTimeIdLinux : OperatingSystem.IsMacOS() ? ClockThreadCpuTimeIdMacOS : -1;
        if (clock >= 0 && clock_gettime(clock, out var time) == 0)
        {
            return (time.Seconds * TimeSpan.TicksPerSecond) + (time.Nanoseconds / 100);
        }

        return System.Diagnostics.Stopwatch.GetTimestamp() * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int clock_gettime(int clockId, out TimeSpec time);
}
