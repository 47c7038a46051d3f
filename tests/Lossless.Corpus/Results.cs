namespace Lossless.Corpus;

/// <summary>One Lossless diagnostic: a row of diagnostics.tsv.</summary>
public sealed record DiagnosticRow(string Set, string File, int Line, int Column, string Id, string Severity, string Message);

/// <summary>
/// One code action applied (kind <c>single</c>: one diagnostic's fix; <c>fixall-document</c>: a fixer's Fix All over a
/// document for one equivalence key): a row of fixes.tsv.
/// </summary>
public sealed record FixRow(
    string Set,
    string File,
    int Line,
    string Id,
    string EquivalenceKey,
    string Outcome,
    string Kind,
    int Column,
    string Title,
    string Remaining,
    string New,
    string Detail);

/// <summary>The outcomes of a code action, worst first: a row has the worst that applies.</summary>
public static class FixOutcome
{
    /// <summary>The fixer threw (registering, computing or applying the action), or did not finish in time.</summary>
    public const string Threw = "threw";

    /// <summary>The fixed code has compiler errors the original did not have.</summary>
    public const string CompileError = "compile-error";

    /// <summary>After the fix, the fixed rule still reports the operation that was fixed (a warning, not a value left to choose).</summary>
    public const string RemainingDiagnostics = "remaining-diagnostics";

    /// <summary>After the fix, the changed documents have a Lossless diagnostic they did not have (elsewhere).</summary>
    public const string NewDiagnostics = "new-diagnostics";

    /// <summary>
    /// What the fixed documents report beyond the fixed operation's own diagnostics is only what the fix leaves by design
    /// (RULES.md, "What a fix may write"): the diagnostic of a value marked 'lossless: choose' (its Unchosen property),
    /// and info-level diagnostics, as the clean-fix meta-test allows. No warning remains or is new.
    /// </summary>
    public const string LeftToChoose = "left-to-choose";

    /// <summary>Compiles, no warning remains or is new, and only info-level diagnostics appeared (an availability note the fix brought to light).</summary>
    public const string NewInfo = "new-info";

    /// <summary>The action changed nothing.</summary>
    public const string NoChange = "no-change";

    /// <summary>Compiles, and no Lossless diagnostic remains on the fixed operation or is new.</summary>
    public const string Applied = "applied";

    /// <summary>A fixer that claims the diagnostic's id offered no action for it (its rule allows that when it cannot know).</summary>
    public const string NotOffered = "not-offered";

    public static readonly string[] All = [Applied, LeftToChoose, NewInfo, CompileError, Threw, RemainingDiagnostics, NewDiagnostics, NoChange, NotOffered];
}

/// <summary>
/// The medians of a set's measured runs, in milliseconds of CPU time. An analyzer's cost in a run is the thread CPU of
/// its callbacks plus its share of the collector's CPU (<see cref="Collector"/>): <see cref="FloorMs"/> and
/// <see cref="LosslessMs"/> are those sums, run by run; <see cref="FloorCallbacksMs"/> and <see cref="LosslessCallbacksMs"/>
/// the callbacks alone.
/// </summary>
public sealed record Cost(
    IReadOnlyList<double> CompileMs,
    IReadOnlyList<double> FloorCallbacksMs,
    IReadOnlyList<double> LosslessCallbacksMs,
    IReadOnlyList<double> BindingMs,
    IReadOnlyList<double> BesideEFCoreCallbacksMs,
    IReadOnlyList<double> LosslessAllocatedMB,
    IReadOnlyList<double> BindingAllocatedMB,
    IReadOnlyList<double> FloorCollectorMs,
    IReadOnlyList<double> LosslessCollectorMs,
    IReadOnlyList<double> BesideEFCoreCollectorMs)
{
    /// <summary>Issue 16: Lossless's own CPU is at most this share of the compiler's.</summary>
    public const double MaxShareOfCompiler = 0.01;

    /// <summary>Issue 16: and at most this many times the floor analyzer's ...</summary>
    public const double MaxFloorFactor = 3;

    /// <summary>... plus this allowance, in milliseconds.</summary>
    public const double FloorAllowanceMs = 20;

    public IReadOnlyList<double> FloorMs { get; } = Add(FloorCallbacksMs, FloorCollectorMs);

    public IReadOnlyList<double> LosslessMs { get; } = Add(LosslessCallbacksMs, LosslessCollectorMs);

    public IReadOnlyList<double> BesideEFCoreMs { get; } = Add(BesideEFCoreCallbacksMs, BesideEFCoreCollectorMs);

    public double Compile => Median(CompileMs);

    /// <summary>Lossless's share of the collector's CPU (median of the runs): part of <see cref="Lossless"/>.</summary>
    public double LosslessCollector => Median(LosslessCollectorMs);

    /// <summary>The floor's share of the collector's CPU (median of the runs): part of <see cref="Floor"/>.</summary>
    public double FloorCollector => Median(FloorCollectorMs);

    public double Floor => Median(FloorMs);

    public double Lossless => Median(LosslessMs);

    /// <summary>
    /// The binding floor (BindingFloorAnalyzer): building the operation trees of the migration bodies Lossless reads, in
    /// an analyzer's own callback. Not part of the verdict: Lossless, like FloorAnalyzer, gets these trees from the
    /// driver uncharged; this says what they cost a build in which no other analyzer asks for them.
    /// </summary>
    public double Binding => Median(BindingMs);

    /// <summary>
    /// Lossless's own CPU beside EF Core's analyzers (<see cref="EFCoreAnalyzers"/>), as every EF Core project's build runs
    /// it: the operation trees of Up and Down are the driver's then, as FloorAnalyzer's always are. Printed beside the
    /// verdict, which is on <see cref="Lossless"/> alone.
    /// </summary>
    public double BesideEFCore => Median(BesideEFCoreMs);

    /// <summary>
    /// Megabytes Lossless's callbacks allocate when it runs alone: not the verdict, a steadier signal than CPU time for a
    /// before/after of a small change on a shared machine (the same work allocates the same, whoever else runs).
    /// </summary>
    public double LosslessAllocated => Median(LosslessAllocatedMB);

    /// <summary>Megabytes the binding floor's callback allocates: what the operation trees of the bodies Lossless reads allocate.</summary>
    public double BindingAllocated => Median(BindingAllocatedMB);

    public bool PassBesideEFCore => BesideEFCore <= MaxShareOfCompiler * Compile && BesideEFCore <= (MaxFloorFactor * Floor) + FloorAllowanceMs;

    public double ShareOfCompiler => Compile > 0 ? Lossless / Compile : double.NaN;

    public double FloorRatio => Floor > 0 ? Lossless / Floor : double.NaN;

    public bool WithinCompilerShare => Lossless <= MaxShareOfCompiler * Compile;

    public bool WithinFloor => Lossless <= (MaxFloorFactor * Floor) + FloorAllowanceMs;

    public bool Pass => WithinCompilerShare && WithinFloor;

    private static double[] Add(IReadOnlyList<double> callbacks, IReadOnlyList<double> collector)
        => [.. callbacks.Select((ms, run) => ms + (run < collector.Count ? collector[run] : 0))];

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}

/// <summary>Everything the runner learned about one set; only strings and numbers, so no compilation outlives its set.</summary>
public sealed class SetResult(CorpusSet set)
{
    public CorpusSet Set { get; } = set;

    public int Files { get; set; }

    /// <summary>The compiler's errors on the set (there should be none).</summary>
    public List<string> CompileErrors { get; } = [];

    /// <summary>Analyzer exceptions (OnAnalyzerException and AD0001/AD diagnostics), one line each.</summary>
    public List<string> AnalyzerExceptions { get; } = [];

    /// <summary>Anything else that went wrong: a crash of the runner on this set, a run that disagreed with another.</summary>
    public List<string> Problems { get; } = [];

    public List<DiagnosticRow> Diagnostics { get; } = [];

    public Cost? Cost { get; set; }

    /// <summary>With --parts: each part of Lossless's CPU (<c>PartMeter</c>), one value per run, in milliseconds.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>>? Parts { get; set; }

    /// <summary>With --parts: the megabytes each part allocated on its threads, one value per run.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>>? PartsAllocatedMB { get; set; }

    /// <summary>MigrationBuilder calls the floor analyzer read (proves it saw the migrations).</summary>
    public long FloorCalls { get; set; }

    /// <summary>Migration method bodies the binding floor bound (its hidden diagnostic's count).</summary>
    public long BoundBodies { get; set; }

    public bool FixesRun { get; set; }

    public List<FixRow> Fixes { get; } = [];

    /// <summary>The changed lines of every fix that did not apply cleanly, for fix-diffs.txt.</summary>
    public List<string> FixDiffs { get; } = [];

    /// <summary>Wall-clock seconds per phase: load, analysis, cost, fixes.</summary>
    public Dictionary<string, double> PhaseSeconds { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// True when the set compiled, was analysed without analyzer exceptions, and nothing crashed. The compile errors of
    /// a <c>none</c> set are reported but expected: its MySQL provider (Pomelo) is not referenced, and scaffolded
    /// MySQL migrations name its types.
    /// </summary>
    public bool Healthy => (CompileErrors.Count == 0 || Set.Provider == "none") && AnalyzerExceptions.Count == 0 && Problems.Count == 0;
}
