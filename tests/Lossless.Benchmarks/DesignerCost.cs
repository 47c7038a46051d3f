using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Benchmarks;

/// <summary>
/// Lossless's own CPU on generated projects shaped like bitwarden's: many migrations, each .Designer.cs holding the
/// whole model of a large context (up to 300 migrations whose Designers hold 150 entities). Fresh compilation per
/// run, every Lossless analyzer metered (<see cref="MeteredAnalyzer"/>), each run proven to report exactly the
/// planted diagnostics. The shapes vary one dimension at a time, so the verdict can say whether the cost grows
/// linearly in the number of migrations (model fixed) and in Designer size (migrations fixed).
/// </summary>
public class DesignerCost
{
    private Workload _workload = null!;

    /// <summary>Migrations × Designer entities: three counts of migrations at 150 entities, three model sizes at 300 migrations.</summary>
    public static IReadOnlyList<DesignerShape> Shapes { get; set; } =
        [new(100, 150), new(200, 150), new(300, 150), new(300, 50), new(300, 100)];

    /// <summary>CPU time of Lossless's own callbacks in every run, by shape.</summary>
    public static ConcurrentDictionary<DesignerShape, List<TimeSpan>> LosslessCpuTimes { get; } = new();

    /// <summary>Source lines of each shape's project.</summary>
    public static ConcurrentDictionary<DesignerShape, long> Lines { get; } = new();

    [ParamsSource(nameof(ShapesSource))]
    public DesignerShape Shape { get; set; } = new(100, 150);

    public static IEnumerable<DesignerShape> ShapesSource() => Shapes;

    [GlobalSetup]
    public void Setup()
    {
        _workload = Workload.For(Shape.Migrations, Shape.Tables);
        Lines[Shape] = _workload.Corpus.Lines;

        // Realize the trees and compile every code path before the first measured run.
        _ = Run();
        LosslessCpuTimes.TryRemove(Shape, out _);
    }

    [Benchmark(Description = "compiler + Lossless")]
    public int CompilerAndLossless() => Run();

    private int Run()
    {
        var meters = Workload.Analyzers.Select(static analyzer => new MeteredAnalyzer(analyzer)).ToArray();
        var compilation = _workload.EFCoreCompilation();

        // The compiler's declaration pass first, as the compiler-cost benchmark does: the analyzers' compilation start
        // would otherwise be charged with merging every file's declarations.
        compilation.GetDeclarationDiagnostics();
        var diagnostics = Workload.WithAnalyzers(compilation, [.. meters], logExecutionTime: false, onException: null).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        LosslessCpuTimes.GetOrAdd(Shape, static _ => []).Add(TimeSpan.FromTicks(meters.Sum(static meter => meter.CpuTime.Ticks)));
        var lossless = 0;
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                throw new InvalidOperationException($"{Shape}: {diagnostic}");
            }

            // The Availability infos (LL3xxx) on the workload's index and foreign-key operations are analysed (their cost
            // is measured) but not planted: counted apart from the planted LL1001-LL1003, as CompilerCost counts them.
            lossless += diagnostic.Id.StartsWith("LL", StringComparison.Ordinal) && !diagnostic.Id.StartsWith("LL3", StringComparison.Ordinal) ? 1 : 0;
        }

        var planted = _workload.Corpus.Expected.Values.Sum();
        if (lossless != planted)
        {
            throw new InvalidOperationException($"{Shape}: {lossless} Lossless diagnostics, {planted} planted ({string.Join(", ", diagnostics.Where(static d => d.Id.StartsWith("LL", StringComparison.Ordinal)).GroupBy(static d => d.Id).Select(static g => $"{g.Key} {g.Count()}"))})");
        }

        return diagnostics.Length;
    }

    /// <summary>Lossless's CPU per shape and whether it grows linearly: per migration (150 entities) and per entity (300 migrations).</summary>
    public static bool PrintVerdict(TextWriter output)
    {
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine("## Lossless on bitwarden-shaped projects (every Designer holds the whole model)");
        text.AppendLine();
        text.AppendLine("| migrations | Designer entities | source lines | Lossless CPU (median) | per migration | per migration and entity |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|");
        var medians = new Dictionary<DesignerShape, double>();
        foreach (var shape in Shapes)
        {
            if (!LosslessCpuTimes.TryGetValue(shape, out var times) || times.Count == 0)
            {
                continue;
            }

            var sorted = times.Select(static t => t.TotalMilliseconds).Order().ToList();
            var median = sorted[sorted.Count / 2];
            medians[shape] = median;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {shape.Migrations:N0} | {shape.Tables:N0} | {Lines.GetValueOrDefault(shape):N0} | {median:N1} ms | {median / shape.Migrations * 1000:N0} µs | {median / shape.Migrations / shape.Tables * 1000:N2} µs |");
        }

        text.AppendLine();
        var pass = true;
        void Check(IEnumerable<DesignerShape> series, Func<DesignerShape, int> size, string dimension)
        {
            var points = series.Where(medians.ContainsKey).OrderBy(size).ToList();
            if (points.Count < 2)
            {
                return;
            }

            // Linear (or better): the cost per unit at the largest size is at most 1.5× the cost per unit at the smallest.
            var first = medians[points[0]] / size(points[0]);
            var last = medians[points[^1]] / size(points[^1]);
            var ok = last <= first * 1.5;
            pass &= ok;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"{(ok ? "PASS" : "FAIL")}  linear in {dimension}: {first * 1000:N0} µs per unit at {size(points[0]):N0}, {last * 1000:N0} µs at {size(points[^1]):N0} (at most 1.5×)");
        }

        Check(Shapes.Where(static s => s.Tables == Shapes.Max(static x => x.Tables)), static s => s.Migrations, "migrations");
        Check(Shapes.Where(static s => s.Migrations == Shapes.Max(static x => x.Migrations)), static s => s.Tables, "Designer size");
        output.Write(text.ToString());
        return pass;
    }
}

/// <summary>A generated project's shape: migrations, and entities in each Designer's model.</summary>
public sealed record DesignerShape(int Migrations, int Tables)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Migrations}x{Tables}");
}
