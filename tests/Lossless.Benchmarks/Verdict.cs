using System.Globalization;
using System.Text;
using BenchmarkDotNet.Reports;

namespace Lossless.Benchmarks;

/// <summary>The benchmark's own verdict: the time the analyzers add per N as a ratio to the compiler's, against issue 7's targets.</summary>
public static class Verdict
{
    /// <summary>The analyzers may add at most this share of the compiler's time.</summary>
    public const double MaxAddedRatio = 0.03;

    /// <summary>How much worse than at the smallest N the ratio at the largest N may be and still count as linear growth.</summary>
    public const double LinearityTolerance = 0.005;

    /// <summary>A difference smaller than this share of the compiler's time is not measurable with a few iterations.</summary>
    public const double MeasurableRatio = 0.01;

    /// <summary>Analyzer execution time that counts as none on a compilation without EF Core.</summary>
    public static readonly TimeSpan NoTime = TimeSpan.FromMilliseconds(1);

    public static bool Print(Summary summary, IReadOnlyList<Verification> verifications, TextWriter output)
    {
        var rows = verifications.Select(v => new Row(v, summary)).ToList();
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("## Lossless analyzers' cost against the compiler's");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Machine: {Machine.Describe()}");
        text.AppendLine();
        text.AppendLine("With EF Core 10 + Npgsql (medians; CPU = process CPU time, wall = elapsed):");
        text.AppendLine();
        text.AppendLine("| N | source lines | compiler CPU | + Lossless CPU | **added** | above operations analyzer | Lossless callbacks | compiler wall | + Lossless wall | added wall | allocated added | Designer models parsed | diagnostics |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var row in rows)
        {
            var v = row.Verification;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {v.Count:N0} | {v.Lines:N0} | {Seconds(row.EF.CompilerCpu)} | {Seconds(row.EF.LosslessCpu)} | **{Percent(row.EF.Added)}** | {Percent(row.EF.AddedAboveBaseline)} | {Percent(v.AnalyzerTime.TotalSeconds / row.EF.CompilerCpu)} | {Seconds(row.EF.CompilerWall)} | {Seconds(row.EF.LosslessWall)} | {Percent(row.EF.AddedWall)} | {Percent(row.EF.AllocatedAdded)} | {v.DesignerParses:N0} of {v.Count:N0} | {v.Diagnostics} |");
        }

        text.AppendLine();
        text.AppendLine("The same project without EF Core (stand-in API of the same shape, runtime references only):");
        text.AppendLine();
        text.AppendLine("| N | source lines | compiler CPU | + empty analyzer CPU | + Lossless CPU | Lossless above empty analyzer | Lossless callbacks | actions after compilation start |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var row in rows)
        {
            var v = row.Verification;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {v.Count:N0} | {v.LinesWithoutEFCore:N0} | {Seconds(row.NoEF.CompilerCpu)} | {Seconds(row.NoEF.BaselineCpu)} | {Seconds(row.NoEF.LosslessCpu)} | {Percent(row.NoEF.AddedAboveBaseline)} | {v.AnalyzerTimeWithoutEFCore.TotalMilliseconds:0.000} ms | {v.ActionsWithoutEFCore} |");
        }

        text.AppendLine();
        text.AppendLine("added = (compiler + Lossless − compiler) / compiler, each a fresh compilation of the same parsed trees.");
        text.AppendLine("above operations analyzer = (compiler + Lossless − compiler + an analyzer that only asks for every method's operations) / compiler: Lossless's own work in a build that already builds operation trees (any operation analyzer, e.g. the SDK's CA1416).");
        text.AppendLine("above empty analyzer = (compiler + Lossless − compiler + an analyzer that registers nothing) / compiler.");
        text.AppendLine("Lossless callbacks = Roslyn's measured execution time of the Lossless callbacks (telemetry, after the compiler's declaration pass), summed over threads, / compiler CPU; it includes building the operation trees Lossless asks for.");
        text.AppendLine();

        var pass = true;
        void Check(bool ok, string claim)
        {
            pass &= ok;
            text.AppendLine(CultureInfo.InvariantCulture, $"{(ok ? "PASS" : "FAIL")}  {claim}");
        }

        foreach (var row in rows)
        {
            Check(row.EF.Added <= MaxAddedRatio, $"N = {row.Verification.Count:N0}: the analyzers add {Percent(row.EF.Added)} to the compiler's CPU time (at most {Percent(MaxAddedRatio)}; wall-clock {Percent(row.EF.AddedWall)})");
        }

        if (rows.Count > 1)
        {
            var first = rows[0];
            var last = rows[^1];
            Check(
                last.EF.Added <= first.EF.Added + LinearityTolerance,
                $"cost grows linearly in N: the ratio at N = {last.Verification.Count:N0} ({Percent(last.EF.Added)}) is no worse than at N = {first.Verification.Count:N0} ({Percent(first.EF.Added)}) give or take {Percent(LinearityTolerance)}");
        }
        else
        {
            text.AppendLine("n/a   linear growth needs two sizes (run without --quick)");
        }

        foreach (var row in rows)
        {
            var v = row.Verification;
            Check(
                v.ActionsWithoutEFCore == 0 && v.AnalyzerTimeWithoutEFCore < NoTime && Math.Abs(row.NoEF.AddedAboveBaseline) <= MeasurableRatio,
                $"N = {v.Count:N0} without EF Core: no action after compilation start ({v.ActionsWithoutEFCore}), callbacks {v.AnalyzerTimeWithoutEFCore.TotalMilliseconds:0.000} ms (< {NoTime.TotalMilliseconds} ms), {Percent(row.NoEF.AddedAboveBaseline)} above an empty analyzer (within {Percent(MeasurableRatio)})");
        }

        foreach (var row in rows)
        {
            var v = row.Verification;
            Check(
                v.DesignerParses <= v.MigrationsWithTypeChanges,
                $"N = {v.Count:N0}: Designer target models parsed for {v.DesignerParses:N0} of {v.Count:N0} migrations, only where a rule asks ({v.MigrationsWithTypeChanges:N0} change a column type)");
        }

        foreach (var row in rows)
        {
            var v = row.Verification;
            Check(v.Problems.Count == 0, $"N = {v.Count:N0}: exactly the planted diagnostics ({v.Diagnostics}), no analyzer exception, the project compiles");
        }

        text.AppendLine();
        text.AppendLine(pass ? "Verdict: PASS" : "Verdict: FAIL");
        output.Write(text.ToString());
        return pass;
    }

    private static string Seconds(double seconds) => seconds.ToString("0.00 s", CultureInfo.InvariantCulture);

    private static string Percent(double ratio) => (ratio * 100).ToString("+0.0'%';-0.0'%';0.0'%'", CultureInfo.InvariantCulture);

    /// <summary>One variant's three runs: compiler, compiler + a baseline analyzer, compiler + Lossless.</summary>
    private sealed class Variant(Summary summary, int count, string compiler, string baseline, string lossless)
    {
        public double CompilerCpu { get; } = Cpu(compiler, count);

        public double BaselineCpu { get; } = Cpu(baseline, count);

        public double LosslessCpu { get; } = Cpu(lossless, count);

        public double CompilerWall { get; } = Wall(summary, compiler, count);

        public double LosslessWall { get; } = Wall(summary, lossless, count);

        private double CompilerAllocated { get; } = Allocated(summary, compiler, count);

        private double LosslessAllocated { get; } = Allocated(summary, lossless, count);

        public double Added => (LosslessCpu - CompilerCpu) / CompilerCpu;

        public double AddedAboveBaseline => (LosslessCpu - BaselineCpu) / CompilerCpu;

        public double AddedWall => (LosslessWall - CompilerWall) / CompilerWall;

        public double AllocatedAdded => (LosslessAllocated - CompilerAllocated) / CompilerAllocated;

        /// <summary>Median CPU seconds of the measured iterations (the first invocation, the warmup, is left out).</summary>
        private static double Cpu(string method, int count)
        {
            var samples = CompilerCost.CpuTimes[(method, count)];
            return Median(samples.Skip(samples.Count > 1 ? 1 : 0).Select(static t => t.TotalSeconds));
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
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    private sealed class Row(Verification verification, Summary summary)
    {
        public Verification Verification { get; } = verification;

        public Variant EF { get; } = new(summary, verification.Count, nameof(CompilerCost.Compiler), nameof(CompilerCost.CompilerAndOperationsAnalyzer), nameof(CompilerCost.CompilerAndLossless));

        public Variant NoEF { get; } = new(summary, verification.Count, nameof(CompilerCost.CompilerWithoutEFCore), nameof(CompilerCost.CompilerAndEmptyAnalyzerWithoutEFCore), nameof(CompilerCost.CompilerAndLosslessWithoutEFCore));
    }
}
