using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using Lossless.Analyzers.Model.Targets;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Diagnostics.Telemetry;

namespace Lossless.Benchmarks;

/// <summary>
/// What one size's project must produce before its timings mean anything: it compiles without errors, the analyzers
/// report exactly the planted diagnostics and throw nothing, and without EF Core they register nothing after
/// compilation start. Also measures the CPU time of the analyzers' own callbacks (<see cref="MeteredAnalyzer"/>) and counts
/// Designer parses.
/// </summary>
public sealed class Verification
{
    private Verification(int count) => Count = count;

    public int Count { get; }

    public long Lines { get; private set; }

    public long LinesWithoutEFCore { get; private set; }

    public SortedDictionary<string, int> Reported { get; } = new(StringComparer.Ordinal);

    public SortedDictionary<string, int> Expected { get; } = new(StringComparer.Ordinal);

    /// <summary>Target models (Designer BuildTargetModel bodies) the rules asked for in one analyzer run.</summary>
    public int DesignerParses { get; private set; }

    /// <summary>Migrations whose Up changes a column's type: the operations whose rules judge keys from the target model.</summary>
    public int MigrationsWithTypeChanges { get; private set; }

    /// <summary>CPU time of the analyzers' own callbacks, with EF Core (this run is also the warm-up: JIT included).</summary>
    public TimeSpan AnalyzerTime { get; private set; }

    /// <summary>CPU time of the analyzers' own callbacks on the project without EF Core.</summary>
    public TimeSpan AnalyzerTimeWithoutEFCore { get; private set; }

    /// <summary>Actions the analyzers registered without EF Core besides their compilation start action: must be none.</summary>
    public int ActionsWithoutEFCore { get; private set; }

    public List<string> Problems { get; } = [];

    public string Diagnostics => string.Join(", ", Reported.Select(static pair => $"{pair.Key} {pair.Value}"));

    public static async Task<Verification> RunAsync(Workload workload)
    {
        var result = new Verification(workload.Corpus.Count)
        {
            Lines = workload.Corpus.Lines,
            LinesWithoutEFCore = workload.WithoutEFCoreLines,
            MigrationsWithTypeChanges = workload.Corpus.MigrationsWithTypeChanges,
        };
        foreach (var (id, count) in workload.Corpus.Expected)
        {
            result.Expected[id] = count;
        }

        var before = TargetModelReader.Reads;
        var (diagnostics, time, _) = await result.AnalyzeAsync(workload.EFCoreCompilation(), "EF Core");
        result.DesignerParses = TargetModelReader.Reads - before;
        result.AnalyzerTime = time;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id.StartsWith("LL", StringComparison.Ordinal))
            {
                result.Reported[diagnostic.Id] = result.Reported.GetValueOrDefault(diagnostic.Id) + 1;
            }
        }

        foreach (var id in result.Expected.Keys.Union(result.Reported.Keys))
        {
            // The Availability rules (LL3xxx, info) report on the generator's CreateIndex, DropIndex, AddForeignKey and
            // widenings of existing tables: listed with the diagnostics, not compared with the planted LL1001-LL1003.
            if (id.StartsWith("LL3", StringComparison.Ordinal))
            {
                continue;
            }

            var expected = result.Expected.GetValueOrDefault(id);
            var reported = result.Reported.GetValueOrDefault(id);
            if (expected != reported)
            {
                result.Problems.Add(expected == 0
                    ? $"{id} reported {reported} times on migrations planted only with LL1001-LL1003 (first: {diagnostics.First(d => d.Id == id)}); a false positive, or the generator must plant and expect it"
                    : $"{id} reported {reported} times, {expected} planted");
            }
        }

        var (withoutEFCore, timeWithoutEFCore, actions) = await result.AnalyzeAsync(workload.WithoutEFCoreCompilation(), "without EF Core");
        result.AnalyzerTimeWithoutEFCore = timeWithoutEFCore;
        result.ActionsWithoutEFCore = actions;
        if (withoutEFCore.FirstOrDefault(static d => d.Id.StartsWith("LL", StringComparison.Ordinal)) is { } unexpected)
        {
            result.Problems.Add($"without EF Core: {unexpected}");
        }

        if (actions != 0)
        {
            result.Problems.Add($"without EF Core the analyzers registered {actions} actions after compilation start");
        }

        return result;
    }

    private async Task<(IReadOnlyList<Diagnostic> Diagnostics, TimeSpan Time, int Actions)> AnalyzeAsync(Compilation compilation, string name)
    {
        // The compiler's own declaration pass first: whichever code asks first pays for it, and the analyzers'
        // compilation-start type lookups would otherwise be charged with merging every file's declarations.
        compilation.GetDeclarationDiagnostics();
        var exceptions = new ConcurrentBag<string>();
        var meters = Workload.Analyzers.Select(static analyzer => new MeteredAnalyzer(analyzer)).ToImmutableArray<DiagnosticAnalyzer>();
        var withAnalyzers = Workload.WithAnalyzers(compilation, meters, logExecutionTime: true, (exception, analyzer, _) => exceptions.Add($"{analyzer}: {exception}"));

        // GetAnalysisResultAsync keeps Roslyn's per-analyzer telemetry; the compiler's own errors come from the same compilation.
        var result = await withAnalyzers.GetAnalysisResultAsync(CancellationToken.None);
        var diagnostics = result.GetAllDiagnostics();
        foreach (var error in compilation.GetDiagnostics().Where(static d => d.Severity == DiagnosticSeverity.Error).Take(3))
        {
            Problems.Add($"{name}: the generated project does not compile: {error}");
        }

        foreach (var exception in diagnostics.Where(static d => d.Id == "AD0001").Select(static d => d.ToString()).Concat(exceptions).Take(3))
        {
            Problems.Add($"{name}: analyzer exception: {exception}");
        }

        var time = TimeSpan.Zero;
        var actions = 0;
        foreach (var analyzer in meters)
        {
            time += ((MeteredAnalyzer)analyzer).CpuTime;
            if (result.AnalyzerTelemetryInfo.TryGetValue(analyzer, out var telemetry))
            {
                actions += ActionsAfterStart(telemetry);
            }
            else
            {
                Problems.Add($"{name}: no telemetry for {analyzer}");
            }
        }

        return (diagnostics, time, actions);
    }

    private static int ActionsAfterStart(AnalyzerTelemetryInfo t)
        => t.CompilationEndActionsCount + t.CompilationActionsCount + t.SyntaxTreeActionsCount + t.AdditionalFileActionsCount
            + t.SemanticModelActionsCount + t.SymbolActionsCount + t.SymbolStartActionsCount + t.SymbolEndActionsCount
            + t.SyntaxNodeActionsCount + t.CodeBlockStartActionsCount + t.CodeBlockEndActionsCount + t.CodeBlockActionsCount
            + t.OperationActionsCount + t.OperationBlockStartActionsCount + t.OperationBlockEndActionsCount + t.OperationBlockActionsCount
            + t.SuppressionActionsCount;

    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"N = {Count:N0}: {Lines:N0} source lines; diagnostics {Diagnostics} (planted {string.Join(", ", Expected.Select(static p => $"{p.Key} {p.Value}"))}); Designer models parsed {DesignerParses:N0} ({MigrationsWithTypeChanges:N0} migrations change a column type); Lossless callbacks {AnalyzerTime.TotalMilliseconds:N0} ms CPU on the first run (JIT included), without EF Core {AnalyzerTimeWithoutEFCore.TotalMilliseconds:N3} ms with {ActionsWithoutEFCore} actions after compilation start");
}
