using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Lossless.Benchmarks;

/// <summary>The benchmark's own verdict: the time Lossless adds per N as a ratio to the compiler's, against issue 7's targets.</summary>
public static class Verdict
{
    /// <summary>Lossless may add at most this share of the compiler's time.</summary>
    public const double MaxAddedRatio = 0.03;

    /// <summary>How much worse than at the smallest N the ratio at the largest N may be and still count as linear growth.</summary>
    public const double LinearityTolerance = 0.005;

    /// <summary>CPU time that counts as none on a compilation without EF Core.</summary>
    public static readonly TimeSpan NoTime = TimeSpan.FromMilliseconds(1);

    public static bool Print(Summary summary, IReadOnlyList<Verification> verifications, TextWriter output)
    {
        var rows = verifications.Select(v => new Row(v, summary)).ToList();
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("## Lossless analyzers' cost against the compiler's");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine.Describe()}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Build's analyzers: {BuildAnalyzers.Analyzers.Length} analyzers from {string.Join(", ", BuildAnalyzers.Assemblies)}{(BuildAnalyzers.Failures.IsEmpty ? string.Empty : "; not loaded: " + string.Join("; ", BuildAnalyzers.Failures))}");
        text.AppendLine();
        text.AppendLine("What Lossless adds (medians of the measured runs; CPU = CPU time):");
        text.AppendLine();
        text.AppendLine("| N | source lines | compiler CPU | Lossless callbacks CPU | **added** | Designer models read | diagnostics |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            var v = row.Verification;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {v.Count:N0} | {v.Lines:N0} | {Seconds(row.CompilerCpu)} | {Seconds(row.OwnCpu)} | **{Percent(row.Added)}** | {v.DesignerParses:N0} of {v.Count:N0} | {v.Diagnostics} |");
        }

        text.AppendLine();
        text.AppendLine("End to end (medians; wall = elapsed; spread = half the range of the build's-analyzers runs, over the compiler's CPU):");
        text.AppendLine();
        text.AppendLine("| N | compiler CPU | + Lossless CPU | over compiler | + build's analyzers CPU | + build's analyzers + Lossless CPU | over build's analyzers | spread | compiler wall | + build's analyzers + Lossless wall | allocated over build's analyzers |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {row.Verification.Count:N0} | {Seconds(row.CompilerCpu)} | {Seconds(row.LosslessAloneCpu)} | {Percent(row.OverCompiler)} | {Seconds(row.BuildCpu)} | {Seconds(row.BuildAndLosslessCpu)} | {Percent(row.OverBuild)} | ±{Spread(row.BuildSpread)} | {Seconds(row.CompilerWall)} | {Seconds(row.BuildAndLosslessWall)} | {Percent(row.AllocatedOverBuild)} |");
        }

        text.AppendLine();
        text.AppendLine("The same project without EF Core (stand-in API of the same shape, runtime references only):");
        text.AppendLine();
        text.AppendLine("| N | source lines | Lossless callbacks CPU | actions after compilation start |");
        text.AppendLine("|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var v = row.Verification;
            text.AppendLine(CultureInfo.InvariantCulture, $"| {v.Count:N0} | {v.LinesWithoutEFCore:N0} | {v.AnalyzerTimeWithoutEFCore.TotalMilliseconds:0.000} ms | {v.ActionsWithoutEFCore} |");
        }

        text.AppendLine();
        text.AppendLine("added = CPU time of Lossless's own callbacks (every action it registers, on the threads that ran them) / the compiler's CPU time, in the runs with the build's analyzers.");
        text.AppendLine("over compiler = (compiler + Lossless − compiler) / compiler: mostly Roslyn's analyzer driver, which every SDK build runs anyway for its own analyzers.");
        text.AppendLine("over build's analyzers = (compiler + build's analyzers + Lossless − compiler + build's analyzers) / compiler: what installing Lossless adds to a build, within the spread.");
        text.AppendLine();

        var pass = true;
        void Check(bool ok, string claim)
        {
            pass &= ok;
            text.AppendLine(CultureInfo.InvariantCulture, $"{(ok ? "PASS" : "FAIL")}  {claim}");
        }

        foreach (var row in rows)
        {
            Check(row.Added <= MaxAddedRatio, $"N = {row.Verification.Count:N0}: Lossless's own work adds {Percent(row.Added)} to the compiler's CPU time (at most {Percent(MaxAddedRatio)}); end to end over the build's analyzers {Percent(row.OverBuild)} ±{Spread(row.BuildSpread)}");
        }

        if (rows.Count > 1)
        {
            var first = rows[0];
            var last = rows[^1];
            Check(
                last.Added <= first.Added + LinearityTolerance,
                $"cost grows linearly in N: the ratio at N = {last.Verification.Count:N0} ({Percent(last.Added)}) is no worse than at N = {first.Verification.Count:N0} ({Percent(first.Added)}) give or take {Percent(LinearityTolerance)}");
        }
        else
        {
            text.AppendLine("n/a   linear growth needs two sizes (run without --quick)");
        }

        foreach (var row in rows)
        {
            var v = row.Verification;
            Check(
                v.ActionsWithoutEFCore == 0 && v.AnalyzerTimeWithoutEFCore < NoTime,
                $"N = {v.Count:N0} without EF Core: no action after compilation start ({v.ActionsWithoutEFCore}), callbacks {v.AnalyzerTimeWithoutEFCore.TotalMilliseconds:0.000} ms CPU in all (< {NoTime.TotalMilliseconds} ms)");
        }

        foreach (var row in rows)
        {
            var v = row.Verification;
            Check(
                v.DesignerParses <= v.MigrationsWithTypeChanges,
                $"N = {v.Count:N0}: Designer target models read for {v.DesignerParses:N0} of {v.Count:N0} migrations, only where a rule asks ({v.MigrationsWithTypeChanges:N0} change a column type)");
        }

        foreach (var row in rows)
        {
            var v = row.Verification;
            Check(v.Problems.Count == 0, $"N = {v.Count:N0}: exactly the planted diagnostics ({v.Diagnostics}) in every run with Lossless, no analyzer exception, the project compiles");
        }

        text.AppendLine();
        text.AppendLine(pass ? "Verdict: PASS" : "Verdict: FAIL");
        output.Write(text.ToString());
        return pass;
    }

    private static string Spread(double ratio) => (ratio * 100).ToString("0.0'%'", CultureInfo.InvariantCulture);

    private static string Seconds(double seconds) => seconds.ToString("0.00 s", CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => (ratio * 100).ToString("+0.0'%';-0.0'%';0.0'%'", CultureInfo.InvariantCulture);

    /// <summary>One size's runs.</summary>
    private sealed class Row(Verification verification, Summary summary)
    {
        public Verification Verification { get; } = verification;

        public double CompilerCpu { get; } = Median(Measured(summary, CompilerCost.CpuTimes, nameof(CompilerCost.Compiler), verification.Count));

        public double LosslessAloneCpu { get; } = Median(Measured(summary, CompilerCost.CpuTimes, nameof(CompilerCost.CompilerAndLossless), verification.Count));

        public double BuildCpu { get; } = Median(Measured(summary, CompilerCost.CpuTimes, nameof(CompilerCost.CompilerAndBuildAnalyzers), verification.Count));

        public double BuildAndLosslessCpu { get; } = Median(Measured(summary, CompilerCost.CpuTimes, nameof(CompilerCost.CompilerAndBuildAnalyzersAndLossless), verification.Count));

        public double OwnCpu { get; } = Median(Measured(summary, CompilerCost.LosslessCpuTimes, nameof(CompilerCost.CompilerAndBuildAnalyzersAndLossless), verification.Count));

        public double CompilerWall { get; } = Wall(summary, nameof(CompilerCost.Compiler), verification.Count);

        public double BuildAndLosslessWall { get; } = Wall(summary, nameof(CompilerCost.CompilerAndBuildAnalyzersAndLossless), verification.Count);

        public double AllocatedOverBuild { get; } =
            (Allocated(summary, nameof(CompilerCost.CompilerAndBuildAnalyzersAndLossless), verification.Count) - Allocated(summary, nameof(CompilerCost.CompilerAndBuildAnalyzers), verification.Count))
            / Allocated(summary, nameof(CompilerCost.Compiler), verification.Count);

        public double Added => OwnCpu / CompilerCpu;

        public double OverCompiler => (LosslessAloneCpu - CompilerCpu) / CompilerCpu;

        public double OverBuild => (BuildAndLosslessCpu - BuildCpu) / CompilerCpu;

        public double BuildSpread
        {
            get
            {
                var runs = Measured(summary, CompilerCost.CpuTimes, nameof(CompilerCost.CompilerAndBuildAnalyzers), Verification.Count).ToArray();
                return runs.Length == 0 ? double.NaN : (runs.Max() - runs.Min()) / 2 / CompilerCpu;
            }
        }

        /// <summary>Seconds of the measured iterations: the last ones recorded (warmups, if any, come first).</summary>
        private static IEnumerable<double> Measured(Summary summary, IReadOnlyDictionary<(string Method, int N), List<TimeSpan>> times, string method, int count)
        {
            if (!times.TryGetValue((method, count), out var samples))
            {
                return [];
            }

            var measured = Report(summary, method, count).ResultStatistics?.N ?? samples.Count;
            return samples.Skip(Math.Max(0, samples.Count - measured)).Select(static t => t.TotalSeconds);
        }

        private static double Wall(Summary summary, string method, int count)
            => (Report(summary, method, count).ResultStatistics?.Median ?? double.NaN) / 1e9;

        private static double Allocated(Summary summary, string method, int count)
        {
            var report = Report(summary, method, count);
            return report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN;
        }

        private static BenchmarkReport Report(Summary summary, string method, int count)
            => summary.Reports.Single(report => report.BenchmarkCase.Descriptor.WorkloadMethod.Name == method
                && Convert.ToInt32(report.BenchmarkCase.Parameters[nameof(CompilerCost.N)], CultureInfo.InvariantCulture) == count);

        private static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            if (sorted.Length == 0)
            {
                return double.NaN;
            }

            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
