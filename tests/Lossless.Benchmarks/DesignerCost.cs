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
/// linearly in the number of migrations (model fixed) and in Designer size (migrations fixed). Each shape is
/// generated for Npgsql and for SQLite: on SQLite every migration's Designer is compared with its predecessor's
/// (LL1010), the work that dominates the real SQLite folders (ErsatzTV, bitwarden's SQLite migrations, Kavita).
/// </summary>
public class DesignerCost
{
    private Workload _workload = null!;

    /// <summary>
    /// Migrations × Designer entities: three counts of migrations at 150 entities, three model sizes at 300 migrations,
    /// for each provider; and on SQLite a long history of a small model (250 and 5,000 migrations of at most 8
    /// entities), where work done for each migration that grows with the number of migrations shows: every SQLite
    /// migration asks for its predecessor's Designer, and at 300 migrations such a term is within the runs' spread.
    /// </summary>
    public static IReadOnlyList<DesignerShape> Shapes { get; set; } =
    [
        new(100, 150), new(200, 150), new(300, 150), new(300, 50), new(300, 100),
        new(100, 150, GeneratedProvider.Sqlite), new(200, 150, GeneratedProvider.Sqlite), new(300, 150, GeneratedProvider.Sqlite),
        new(300, 50, GeneratedProvider.Sqlite), new(300, 100, GeneratedProvider.Sqlite),
        new(250, MigrationCorpus.ModelTables, GeneratedProvider.Sqlite), new(5_000, MigrationCorpus.ModelTables, GeneratedProvider.Sqlite),
    ];

    /// <summary>CPU time of Lossless's own callbacks in every run, by shape.</summary>
    public static ConcurrentDictionary<DesignerShape, List<TimeSpan>> LosslessCpuTimes { get; } = new();

    /// <summary>Source lines of each shape's project.</summary>
    public static ConcurrentDictionary<DesignerShape, long> Lines { get; } = new();

    /// <summary>The diagnostics planted in each shape's project (every run reports exactly these), as "LL1010 ×30".</summary>
    public static ConcurrentDictionary<DesignerShape, string> Planted { get; } = new();

    [ParamsSource(nameof(ShapesSource))]
    public DesignerShape Shape { get; set; } = new(100, 150);

    public static IEnumerable<DesignerShape> ShapesSource() => Shapes;

    [GlobalSetup]
    public void Setup()
    {
        _workload = Workload.For(Shape.Migrations, Shape.Tables, Shape.Provider);
        Lines[Shape] = _workload.Corpus.Lines;
        Planted[Shape] = string.Join(", ", _workload.Corpus.Expected.OrderBy(static p => p.Key, StringComparer.Ordinal).Select(static p => $"{p.Key} ×{p.Value}"));

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

    /// <summary>
    /// Lossless's CPU per shape and whether it grows linearly, for each provider measured: per migration in each series
    /// of one model size, per entity in each series of one number of migrations.
    /// </summary>
    public static bool PrintVerdict(TextWriter output)
    {
        var pass = true;
        foreach (var provider in Shapes.Select(static s => s.Provider).Distinct())
        {
            pass &= PrintVerdict(output, provider);
        }

        return pass;
    }

    private static bool PrintVerdict(TextWriter output, GeneratedProvider provider)
    {
        var shapes = Shapes.Where(s => s.Provider == provider).ToList();
        var text = new StringBuilder();
        text.AppendLine();
        text.AppendLine(provider == GeneratedProvider.Sqlite
            ? "## Lossless on generated SQLite projects (every Designer holds the whole model, and is compared with its predecessor's)"
            : "## Lossless on generated Npgsql projects (every Designer holds the whole model)");
        text.AppendLine();
        text.AppendLine(System.Runtime.GCSettings.IsServerGC
            ? "Server GC: the callbacks' own CPU, collections apart."
            : "Workstation GC: a collection is charged to the callback that triggered it (DOTNET_gcServer=1 measures the callbacks alone).");
        text.AppendLine();
        text.AppendLine("| migrations | Designer entities | source lines | planted | Lossless CPU (median) | per migration | per migration and entity |");
        text.AppendLine("|---:|---:|---:|---|---:|---:|---:|");
        var medians = new Dictionary<DesignerShape, double>();
        foreach (var shape in shapes)
        {
            if (!LosslessCpuTimes.TryGetValue(shape, out var times) || times.Count == 0)
            {
                continue;
            }

            var sorted = times.Select(static t => t.TotalMilliseconds).Order().ToList();
            var median = sorted[sorted.Count / 2];
            medians[shape] = median;
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {shape.Migrations:N0} | {shape.Tables:N0} | {Lines.GetValueOrDefault(shape):N0} | {Planted.GetValueOrDefault(shape)} | {median:N1} ms | {median / shape.Migrations * 1000:N0} µs | {median / shape.Migrations / shape.Tables * 1000:N2} µs |");
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
                $"{(ok ? "PASS" : "FAIL")}  linear in {dimension} ({provider}): {first * 1000:N0} µs per unit at {size(points[0]):N0}, {last * 1000:N0} µs at {size(points[^1]):N0} (at most 1.5×)");
        }

        // Every series that varies one dimension: the migrations at each model size, the model sizes at each count.
        foreach (var tables in shapes.Select(static s => s.Tables).Distinct().Order())
        {
            Check(shapes.Where(s => s.Tables == tables), static s => s.Migrations, string.Create(CultureInfo.InvariantCulture, $"migrations at {tables} entities"));
        }

        foreach (var migrations in shapes.Select(static s => s.Migrations).Distinct().Order())
        {
            Check(shapes.Where(s => s.Migrations == migrations), static s => s.Tables, string.Create(CultureInfo.InvariantCulture, $"Designer size at {migrations} migrations"));
        }
        output.Write(text.ToString());
        return pass;
    }
}

/// <summary>A generated project's shape: migrations, entities in each Designer's model, and the provider it is scaffolded for.</summary>
public sealed record DesignerShape(int Migrations, int Tables, GeneratedProvider Provider = GeneratedProvider.Npgsql)
{
    /// <summary>"300x150" (Npgsql) or "300x150:sqlite", as <c>--designers</c> takes it.</summary>
    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{Migrations}x{Tables}{(Provider == GeneratedProvider.Sqlite ? ":sqlite" : string.Empty)}");

    /// <summary>Reads "MxT" (Npgsql) or "MxT:sqlite" / "MxT:npgsql".</summary>
    public static DesignerShape Parse(string text)
    {
        var (size, provider) = text.IndexOf(':', StringComparison.Ordinal) is var colon and >= 0
            ? (text[..colon], Enum.Parse<GeneratedProvider>(text[(colon + 1)..], ignoreCase: true))
            : (text, GeneratedProvider.Npgsql);
        var parts = size.Split('x');
        return new DesignerShape(int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), provider);
    }
}
