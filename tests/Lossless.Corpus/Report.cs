using System.Globalization;
using System.Text;

namespace Lossless.Corpus;

/// <summary>The printed tables (also summary.md) and the machine-readable files the team triages and diffs.</summary>
public static class Report
{
    public const string DiagnosticsFile = "diagnostics.tsv";
    public const string FixesFile = "fixes.tsv";
    public const string CostFile = "cost.tsv";
    public const string PartsFile = "parts.tsv";
    public const string SummaryFile = "summary.md";
    public const string ExceptionsFile = "exceptions.txt";
    public const string FixDiffsFile = "fix-diffs.txt";

    public static string Summary(RunInfo run, IReadOnlyList<SetResult> results)
    {
        var text = new StringBuilder();
        void Line(FormattableString line) => text.AppendLine(line.ToString(CultureInfo.InvariantCulture));

        Line($"# Lossless on the real-world corpus");
        text.AppendLine();
        Line($"- corpus: {run.Corpus} ({results.Count} of {run.SetsInCorpus} sets{(run.SetFilter is null ? string.Empty : $" matching `{run.SetFilter}`")}, {results.Sum(static r => r.Files)} files)");
        Line($"- compiled against: {CorpusReferences.RuntimeDescription}; EF Core {run.EFCoreVersion}; Roslyn {typeof(Microsoft.CodeAnalysis.Compilation).Assembly.GetName().Version}");
        Line($"- analyzers: {string.Join(", ", Catalog.Analyzers.Select(static a => a.GetType().Name))} ({Catalog.RuleIds.Length} rules); fixers: {string.Join(", ", Catalog.Fixers.Select(static f => f.GetType().Name))}");
        Line($"- machine: {Lossless.Benchmarks.Machine.Describe()}");
        Line($"- JIT: {JitMode.Describe()}");
        Line($"- GC: {Collector.Describe()}");
        Line($"- cost: medians of {run.Repeat} runs; fixes: {(run.Fixes ? (run.FixSetFilter is null ? "all sets" : $"sets matching `{run.FixSetFilter}`") : "not run (--no-fixes)")}");
        text.AppendLine();

        SetsTable(text, results);
        CostTable(text, results);
        PartsTables(text, results);
        RulesTable(text, results);
        if (results.Any(static r => r.FixesRun))
        {
            FixTables(text, results);
        }

        ProblemsSection(text, results);
        PhasesTable(text, results, run);
        return text.ToString();
    }

    public static void WriteFiles(string directory, RunInfo run, IReadOnlyList<SetResult> results, string summary, IReadOnlyList<string> exceptionDetails)
    {
        Directory.CreateDirectory(directory);
        WriteTsv(
            Path.Combine(directory, DiagnosticsFile),
            ["set", "file", "line", "column", "id", "severity", "message"],
            results.SelectMany(static r => r.Diagnostics).Select(static d => new[] { d.Set, d.File, Int(d.Line), Int(d.Column), d.Id, d.Severity, d.Message }));
        WriteTsv(
            Path.Combine(directory, FixesFile),
            ["set", "file", "line", "id", "equivalence_key", "outcome", "kind", "column", "title", "remaining", "new", "detail"],
            results.SelectMany(static r => r.Fixes).Select(static f => new[] { f.Set, f.File, Int(f.Line), f.Id, f.EquivalenceKey, f.Outcome, f.Kind, Int(f.Column), f.Title, f.Remaining, f.New, f.Detail }));
        WriteTsv(
            Path.Combine(directory, CostFile),
            ["set", "provider", "files", "compile_cpu_ms", "floor_cpu_ms", "lossless_cpu_ms", "lossless_over_compile_pct", "lossless_over_floor", "verdict", "compile_runs_ms", "floor_runs_ms", "lossless_runs_ms", "floor_migrationbuilder_calls", "binding_cpu_ms", "binding_runs_ms", "bound_bodies", "beside_efcore_cpu_ms", "beside_efcore_runs_ms", "beside_efcore_verdict", "lossless_alloc_mb", "lossless_alloc_runs_mb", "binding_alloc_mb", "floor_collector_ms", "lossless_collector_ms", "lossless_collector_runs_ms", "lossless_callbacks_runs_ms"],
            results.Where(static r => r.Cost is not null).Select(static r => new[]
            {
                r.Set.Name, r.Set.Provider, Int(r.Files), Ms(r.Cost!.Compile), Ms(r.Cost.Floor), Ms(r.Cost.Lossless),
                Number(r.Cost.ShareOfCompiler * 100, "0.000"), Number(r.Cost.FloorRatio, "0.00"), r.Cost.Pass ? "PASS" : "FAIL",
                string.Join(",", r.Cost.CompileMs.Select(Ms)), string.Join(",", r.Cost.FloorMs.Select(Ms)), string.Join(",", r.Cost.LosslessMs.Select(Ms)),
                r.FloorCalls.ToString(CultureInfo.InvariantCulture),
                Ms(r.Cost.Binding), string.Join(",", r.Cost.BindingMs.Select(Ms)), r.BoundBodies.ToString(CultureInfo.InvariantCulture),
                Ms(r.Cost.BesideEFCore), string.Join(",", r.Cost.BesideEFCoreMs.Select(Ms)), r.Cost.PassBesideEFCore ? "PASS" : "FAIL",
                Number(r.Cost.LosslessAllocated, "0.000"), string.Join(",", r.Cost.LosslessAllocatedMB.Select(static mb => Number(mb, "0.000"))),
                Number(r.Cost.BindingAllocated, "0.000"),
                Ms(r.Cost.FloorCollector), Ms(r.Cost.LosslessCollector), string.Join(",", r.Cost.LosslessCollectorMs.Select(Ms)),
                string.Join(",", r.Cost.LosslessCallbacksMs.Select(Ms)),
            }));
        var parts = Path.Combine(directory, PartsFile);
        if (results.Any(static r => r.Parts is not null))
        {
            WriteTsv(
                parts,
                ["set", "part", "cpu_ms", "runs_ms", "alloc_mb", "alloc_runs_mb"],
                results.Where(static r => r.Parts is not null).SelectMany(static r => r.Parts!.Select(p => new[]
                {
                    r.Set.Name, p.Key, PartMs(Cost.Median(p.Value)), string.Join(",", p.Value.Select(PartMs)),
                    Number(Cost.Median(PartAllocated(r, p.Key)), "0.000"), string.Join(",", PartAllocated(r, p.Key).Select(static mb => Number(mb, "0.000"))),
                })));
        }
        else if (File.Exists(parts))
        {
            File.Delete(parts);
        }

        File.WriteAllText(Path.Combine(directory, SummaryFile), summary);
        File.WriteAllText(Path.Combine(directory, FixDiffsFile), string.Join("\n", results.SelectMany(static r => r.FixDiffs)));
        var exceptions = Path.Combine(directory, ExceptionsFile);
        if (exceptionDetails.Count > 0)
        {
            File.WriteAllText(exceptions, string.Join("\n", exceptionDetails));
        }
        else if (File.Exists(exceptions))
        {
            File.Delete(exceptions);
        }
    }

    /// <summary>Reads a diagnostics.tsv written by <see cref="WriteFiles"/>.</summary>
    public static List<DiagnosticRow> ReadDiagnostics(string directory)
    {
        var path = Path.Combine(directory, DiagnosticsFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"no {DiagnosticsFile} in '{directory}'", path);
        }

        var rows = new List<DiagnosticRow>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var cells = line.Split('\t');
            if (cells.Length < 7)
            {
                throw new InvalidDataException($"{path}: expected 7 columns: '{line}'");
            }

            rows.Add(new DiagnosticRow(cells[0], cells[1], int.Parse(cells[2], CultureInfo.InvariantCulture), int.Parse(cells[3], CultureInfo.InvariantCulture), cells[4], cells[5], cells[6]));
        }

        return rows;
    }

    private static void SetsTable(StringBuilder text, IReadOnlyList<SetResult> results)
    {
        text.AppendLine("## Sets");
        text.AppendLine();
        text.AppendLine("| set | provider | files | compile errors | analyzer exceptions | LL diagnostics | by rule |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---|");
        foreach (var r in results)
        {
            var byRule = string.Join(", ", r.Diagnostics.GroupBy(static d => d.Id).OrderBy(static g => g.Key, StringComparer.Ordinal).Select(static g => $"{g.Key}×{g.Count()}"));
            text.AppendLine(Invariant($"| {r.Set.Name} | {r.Set.Provider} | {r.Files} | {r.CompileErrors.Count} | {r.AnalyzerExceptions.Count} | {r.Diagnostics.Count} | {byRule} |"));
        }

        text.AppendLine(Invariant($"| **all** | | {results.Sum(static r => r.Files)} | {results.Sum(static r => r.CompileErrors.Count)} | {results.Sum(static r => r.AnalyzerExceptions.Count)} | {results.Sum(static r => r.Diagnostics.Count)} | |"));
        text.AppendLine();
    }

    /// <summary>With --parts: per set, Lossless's CPU part by part, largest first, beside the verdict's Lossless figure.</summary>
    private static void PartsTables(StringBuilder text, IReadOnlyList<SetResult> results)
    {
        var measured = results.Where(static r => r.Parts is not null && r.Cost is not null).ToList();
        if (measured.Count == 0)
        {
            return;
        }

        text.AppendLine("## Where Lossless's CPU goes (--parts)");
        text.AppendLine();
        text.AppendLine("Thread CPU milliseconds of each part of Lossless's callbacks, and the megabytes it allocated, medians of runs apart from the verdict's, with Lossless's own meter on (PartMeter); without the collector's share, which the verdict's figure holds. Work two rules share (a Designer's table scan, LL4001's history) is charged to the first rule that asks. Lossless = the verdict's figure (every callback, metered from outside): what it holds beyond the parts is the driver's calls into Lossless and the symbol actions that find the migrations.");
        text.AppendLine();
        foreach (var r in measured)
        {
            var medians = r.Parts!.Select(static p => (Part: p.Key, Ms: Cost.Median(p.Value))).OrderByDescending(static p => p.Ms).ThenBy(static p => p.Part, StringComparer.Ordinal).ToList();
            var sum = medians.Sum(static p => p.Ms);
            text.AppendLine(Invariant($"### {r.Set.Name}: parts {PartMs(sum)} ms, Lossless {Ms(r.Cost!.Lossless)} ms, compile {Ms(r.Cost.Compile)} ms"));
            text.AppendLine();
            text.AppendLine("| part | CPU ms | share of the parts | share of compile | alloc MB |");
            text.AppendLine("|---|---:|---:|---:|---:|");
            foreach (var (part, ms) in medians.Where(static p => p.Ms > 0))
            {
                text.AppendLine(Invariant($"| {part} | {PartMs(ms)} | {Percent(sum > 0 ? ms / sum : double.NaN)} | {Percent(ms / r.Cost.Compile)} | {Number(Cost.Median(PartAllocated(r, part)), "0.00")} |"));
            }

            text.AppendLine();
        }
    }

    private static IReadOnlyList<double> PartAllocated(SetResult r, string part)
        => r.PartsAllocatedMB is not null && r.PartsAllocatedMB.TryGetValue(part, out var values) ? values : [];

    private static void CostTable(StringBuilder text, IReadOnlyList<SetResult> results)
    {
        var measured = results.Where(static r => r.Cost is not null).ToList();
        text.AppendLine("## Cost");
        text.AppendLine();
        text.AppendLine(Invariant($"CPU milliseconds, medians. compile = the compiler's CPU (process CPU time of GetDiagnostics on a fresh compilation); floor = the own CPU of FloorAnalyzer (tests/Lossless.Benchmarks: resolves MigrationBuilder, reads the constant arguments of its calls) and Lossless = the own CPU of every Lossless analyzer, each the thread CPU time of every callback it registers (MeteredAnalyzer), run with the compiler as a build runs them, plus its share of the garbage collector's CPU (GC ms: the collector's own threads during the run, times the bytes the analyzer's callbacks allocated over all the bytes the run allocated; under the server GC, as the SDK's compiler runs, no collection runs on a callback's thread). binding = the own CPU of BindingFloorAnalyzer (the operation trees of the migration bodies Lossless reads, built in its own callback so that the meter charges them), not part of the verdict: Lossless, like FloorAnalyzer, gets these trees from the analyzer driver uncharged (an operation block action), so Lossless + binding is what a build in which no other analyzer asks for them pays. floor/compile shows what the 1% arm asks of a small set: the floor alone may not meet it. beside EF Core = Lossless's own CPU in a run beside EF Core's analyzers ({EFCoreAnalyzers.Source}), which every EF Core project's build runs (their operation actions have the driver build the trees of every body, Up and Down included): what Lossless costs in a user's build, judged by the same target (not the verdict). alloc MB = what Lossless's callbacks allocate alone, the binding floor's beside it (not the verdict: steadier than CPU time from run to run, for a before/after of a small change). Target (issue 16): Lossless ≤ {Cost.MaxShareOfCompiler:0%} of compile and ≤ {Cost.MaxFloorFactor:0}× floor + {Cost.FloorAllowanceMs:0} ms."));
        text.AppendLine();
        text.AppendLine("| set | provider | files | compile CPU ms | floor ms | Lossless ms | of which GC ms | Lossless/compile | Lossless/floor | verdict | floor/compile | binding ms | Lossless + binding ms | beside EF Core ms | beside EF Core /compile | beside EF Core | alloc MB (binding) |");
        text.AppendLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|---:|");
        foreach (var r in measured)
        {
            var c = r.Cost!;
            var why = c.Pass ? string.Empty : " (" + string.Join(", ", new[] { c.WithinCompilerShare ? null : "> 1% of compile", c.WithinFloor ? null : "> 3× floor + 20 ms" }.Where(static s => s is not null)) + ")";
            text.AppendLine(Invariant($"| {r.Set.Name} | {r.Set.Provider} | {r.Files} | {Ms(c.Compile)} | {Ms(c.Floor)} | {Ms(c.Lossless)} | {Ms(c.LosslessCollector)} | {Percent(c.ShareOfCompiler)} | {Number(c.FloorRatio, "0.00")}× | {(c.Pass ? "PASS" : "FAIL")}{why} | {Percent(c.Floor / c.Compile)} | {Ms(c.Binding)} | {Ms(c.Lossless + c.Binding)} | {Ms(c.BesideEFCore)} | {Percent(c.BesideEFCore / c.Compile)} | {(c.PassBesideEFCore ? "PASS" : "FAIL")} | {Number(c.LosslessAllocated, "0.0")} ({Number(c.BindingAllocated, "0.0")}) |"));
        }

        if (measured.Count > 0)
        {
            var compile = measured.Sum(static r => r.Cost!.Compile);
            var floor = measured.Sum(static r => r.Cost!.Floor);
            var lossless = measured.Sum(static r => r.Cost!.Lossless);
            text.AppendLine(Invariant($"| **all (sums)** | | {measured.Sum(static r => r.Files)} | {Ms(compile)} | {Ms(floor)} | {Ms(lossless)} | {Ms(measured.Sum(static r => r.Cost!.LosslessCollector))} | {Percent(lossless / compile)} | {Number(lossless / floor, "0.00")}× | | {Percent(floor / compile)} | {Ms(measured.Sum(static r => r.Cost!.Binding))} | {Ms(lossless + measured.Sum(static r => r.Cost!.Binding))} | {Ms(measured.Sum(static r => r.Cost!.BesideEFCore))} | {Percent(measured.Sum(static r => r.Cost!.BesideEFCore) / compile)} | | {Number(measured.Sum(static r => r.Cost!.LosslessAllocated), "0.0")} |"));
            text.AppendLine();
            var failed = measured.Where(static r => !r.Cost!.Pass).Select(static r => r.Set.Name).ToList();
            var unmeasured = results.Count - measured.Count;
            text.AppendLine(failed.Count == 0 && unmeasured == 0
                ? Invariant($"Verdict (issue 16): PASS: all {measured.Count} sets within 1% of the compiler's CPU and 3× the floor + 20 ms")
                : Invariant($"Verdict (issue 16): FAIL: {failed.Count} of {measured.Count} sets over the target{(failed.Count > 0 ? ": " + string.Join(", ", failed) : string.Empty)}{(unmeasured > 0 ? $"; {unmeasured} sets not measured" : string.Empty)}"));
            var besideFailed = measured.Where(static r => !r.Cost!.PassBesideEFCore).Select(static r => r.Set.Name).ToList();
            text.AppendLine();
            text.AppendLine(besideFailed.Count == 0
                ? Invariant($"Beside EF Core's analyzers (not the verdict): all {measured.Count} sets within the target")
                : Invariant($"Beside EF Core's analyzers (not the verdict): {besideFailed.Count} of {measured.Count} sets over the target: {string.Join(", ", besideFailed)}"));
        }
        else
        {
            text.AppendLine("Verdict (issue 16): no set was measured");
        }

        text.AppendLine();
    }

    private static void RulesTable(StringBuilder text, IReadOnlyList<SetResult> results)
    {
        var diagnostics = results.SelectMany(static r => r.Diagnostics).ToList();
        text.AppendLine("## Diagnostics per rule");
        text.AppendLine();
        text.AppendLine("| rule | severity | diagnostics | sets | files |");
        text.AppendLine("|---|---|---:|---:|---:|");
        foreach (var id in Catalog.RuleIds.Union(diagnostics.Select(static d => d.Id)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var hits = diagnostics.Where(d => d.Id == id).ToList();
            var severities = hits.Count > 0
                ? string.Join("/", hits.Select(static d => d.Severity).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
                : Catalog.DefaultSeverity(id);
            text.AppendLine(Invariant($"| {id} | {severities} | {hits.Count} | {hits.Select(static d => d.Set).Distinct(StringComparer.Ordinal).Count()} | {hits.Select(static d => d.Set + "/" + d.File).Distinct(StringComparer.Ordinal).Count()} |"));
        }

        text.AppendLine(Invariant($"| **all** | | {diagnostics.Count} | {diagnostics.Select(static d => d.Set).Distinct(StringComparer.Ordinal).Count()} | {diagnostics.Select(static d => d.Set + "/" + d.File).Distinct(StringComparer.Ordinal).Count()} |"));
        text.AppendLine();
    }

    private static void FixTables(StringBuilder text, IReadOnlyList<SetResult> results)
    {
        var fixes = results.SelectMany(static r => r.Fixes).ToList();
        text.AppendLine("## Fixes");
        text.AppendLine();
        text.AppendLine("Each action a fixer registers for a diagnostic (kind single) and each fixer's Fix All over a document per equivalence key (fixall-document), applied in a workspace of the set and judged on the changed documents, worst outcome first: threw (or took over 2 minutes), compile-error (compiler errors the document did not have), remaining-diagnostics (the fixed rule's warning still on the fixed operation), new-diagnostics (a warning the changed document did not have), no-change, left-to-choose (only what the fix leaves by design: the diagnostic of a value marked 'lossless: choose', and info), new-info (only info-level diagnostics appeared), applied (none of these). not-offered: the fixer for the id registered no action.");
        text.AppendLine();
        var header = "| equivalence key | kind | rows | " + string.Join(" | ", FixOutcome.All) + " |";
        text.AppendLine(header);
        text.AppendLine("|---|---|---:|" + string.Concat(Enumerable.Repeat("---:|", FixOutcome.All.Length)));
        foreach (var group in fixes.GroupBy(static f => (f.EquivalenceKey, f.Kind)).OrderBy(static g => g.Key.EquivalenceKey, StringComparer.Ordinal).ThenBy(static g => g.Key.Kind, StringComparer.Ordinal))
        {
            var key = group.Key.EquivalenceKey.Length == 0 ? "(none)" : group.Key.EquivalenceKey;
            text.AppendLine(Invariant($"| {key} | {group.Key.Kind} | {group.Count()} | ") + string.Join(" | ", FixOutcome.All.Select(o => group.Count(f => f.Outcome == o).ToString(CultureInfo.InvariantCulture))) + " |");
        }

        text.AppendLine(Invariant($"| **all** | | {fixes.Count} | ") + string.Join(" | ", FixOutcome.All.Select(o => fixes.Count(f => f.Outcome == o).ToString(CultureInfo.InvariantCulture))) + " |");
        text.AppendLine();
        text.AppendLine("| set | rows | " + string.Join(" | ", FixOutcome.All) + " |");
        text.AppendLine("|---|---:|" + string.Concat(Enumerable.Repeat("---:|", FixOutcome.All.Length)));
        foreach (var r in results.Where(static r => r.FixesRun))
        {
            text.AppendLine(Invariant($"| {r.Set.Name} | {r.Fixes.Count} | ") + string.Join(" | ", FixOutcome.All.Select(o => r.Fixes.Count(f => f.Outcome == o).ToString(CultureInfo.InvariantCulture))) + " |");
        }

        text.AppendLine();
    }

    private static void ProblemsSection(StringBuilder text, IReadOnlyList<SetResult> results)
    {
        text.AppendLine("## Problems");
        text.AppendLine();
        var any = false;
        foreach (var r in results)
        {
            foreach (var (label, items, limit) in new[] { ("compile error", r.CompileErrors, 10), ("analyzer exception", r.AnalyzerExceptions, 20), ("problem", r.Problems, 20) })
            {
                foreach (var item in items.Take(limit))
                {
                    text.AppendLine(Invariant($"- {r.Set.Name}: {label}: {item}"));
                    any = true;
                }

                if (items.Count > limit)
                {
                    text.AppendLine(Invariant($"- {r.Set.Name}: … {items.Count - limit} more {label}s"));
                }
            }
        }

        text.AppendLine(any ? string.Empty : "None: every set compiled, no analyzer threw, nothing crashed.");
        text.AppendLine();
    }

    private static void PhasesTable(StringBuilder text, IReadOnlyList<SetResult> results, RunInfo run)
    {
        text.AppendLine("## Time");
        text.AppendLine();
        text.AppendLine("| phase | wall seconds |");
        text.AppendLine("|---|---:|");
        foreach (var phase in new[] { "load", "analysis", "cost", "fixes" })
        {
            var seconds = results.Sum(r => r.PhaseSeconds.TryGetValue(phase, out var s) ? s : 0);
            text.AppendLine(Invariant($"| {phase} | {seconds:0.0} |"));
        }

        text.AppendLine(Invariant($"| **run** | {run.WallSeconds:0.0} |"));
        text.AppendLine();
        text.AppendLine("| set | files | load s | analysis s | cost s | fixes s | total s |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            double Seconds(string phase) => r.PhaseSeconds.TryGetValue(phase, out var s) ? s : 0;
            text.AppendLine(Invariant($"| {r.Set.Name} | {r.Files} | {Seconds("load"):0.0} | {Seconds("analysis"):0.0} | {Seconds("cost"):0.0} | {Seconds("fixes"):0.0} | {r.PhaseSeconds.Values.Sum():0.0} |"));
        }

        text.AppendLine();
    }

    private static void WriteTsv(string path, string[] header, IEnumerable<string[]> rows)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)) { NewLine = "\n" };
        writer.WriteLine(string.Join('\t', header));
        foreach (var row in rows)
        {
            writer.WriteLine(string.Join('\t', row.Select(static cell => Analysis.OneLine(cell))));
        }
    }

    public static string Ms(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>Parts are fractions of a millisecond on small sets: two decimals.</summary>
    private static string PartMs(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => double.IsNaN(ratio) ? "n/a" : (ratio * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    private static string Number(double value, string format) => double.IsNaN(value) || double.IsInfinity(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

/// <summary>What a run was asked to do, for the report's header.</summary>
public sealed class RunInfo
{
    public required string Corpus { get; init; }

    public required int SetsInCorpus { get; init; }

    public string? SetFilter { get; init; }

    public string? FixSetFilter { get; init; }

    public required bool Fixes { get; init; }

    public required int Repeat { get; init; }

    public required string EFCoreVersion { get; init; }

    public double WallSeconds { get; set; }
}
