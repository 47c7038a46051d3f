using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Lossless.Benchmarks;

// dotnet run -c Release --project tests/Lossless.Benchmarks [-- --quick | --sizes 100,1000 | --dry | --guards [rows]]
//   --quick   N = 100 only (about a minute)
//   --sizes   the sizes to measure, comma-separated
//   --dry     one iteration without warmup: checks the harness, measures nothing worth reading
//   --guards  the fixes' guards on a PostgreSQL table of 1,000,000 rows (or rows), beside the ALTER each protects
//   --designers [MxT[:sqlite],…]  Lossless's CPU on bitwarden-shaped projects: M migrations whose Designers hold T
//             entities, scaffolded for Npgsql or (:sqlite) SQLite (default 100x150,200x150,300x150,300x50,300x100, each
//             for both, and 250x8:sqlite,5000x8:sqlite; about 27 minutes on 2 cores); with --dry, one run each
if (args.Length > 0 && args[0] == "--guards")
{
    return Lossless.Benchmarks.Guards.GuardBenchmark.Run(args.Length > 1 ? int.Parse(args[1], NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : 1_000_000);
}

if (args.Length > 0 && args[0] == "--designers")
{
    var shapeArgs = args.Skip(1).Where(static a => a != "--dry").ToList();
    if (shapeArgs.Count > 0)
    {
        DesignerCost.Shapes = shapeArgs[0].Split(',').Select(DesignerShape.Parse).ToList();
    }

    var designerJob = (args.Contains("--dry") ? Job.Dry : Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(0).WithIterationCount(3))
        .WithLaunchCount(1)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(2), logOutput: true));
    BenchmarkRunner.Run<DesignerCost>(ManualConfig.CreateEmpty().AddJob(designerJob).AddLogger(ConsoleLogger.Default).AddColumnProvider(DefaultColumnProviders.Instance).AddExporter(MarkdownExporter.GitHub));
    return DesignerCost.PrintVerdict(Console.Out) ? 0 : 1;
}

var sizes = new List<int> { 100, 1_000, 5_000 };
var dry = false;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--quick":
            sizes = [100];
            break;
        case "--sizes" when i + 1 < args.Length:
            sizes = args[++i].Split(',').Select(static s => int.Parse(s, NumberStyles.AllowThousands, CultureInfo.InvariantCulture)).ToList();
            break;
        case "--dry":
            dry = true;
            break;
        default:
            Console.Error.WriteLine($"unknown argument '{args[i]}'; use --quick, --sizes 100,1000 or --dry");
            return 2;
    }
}

Console.WriteLine($"Analyzers measured: {string.Join(", ", Workload.Analyzers.Select(static a => a.GetType().Name))} ({Workload.Analyzers.Sum(static a => a.SupportedDiagnostics.Length)} rules)");

// A small project first, so that JIT compilation is not counted as analyzer time; each size is then proven to do
// the work it is timed for (CompilerCost.Setup) before it is measured.
var warmUp = await Verification.RunAsync(Workload.For(10));
if (warmUp.Problems.Count > 0)
{
    Console.WriteLine(string.Join(Environment.NewLine, warmUp.Problems));
    return 1;
}

// The build's analyzers are measured without warmup iterations too: compile their code paths on the small project.
var small = Workload.For(10);
var warmUpDiagnostics = await Workload.WithAnalyzers(small.EFCoreCompilation(), BuildAnalyzers.Analyzers.AddRange(Workload.Analyzers), logExecutionTime: false, onException: null).GetAllDiagnosticsAsync();
Console.WriteLine($"Build's analyzers: {BuildAnalyzers.Analyzers.Length} from {string.Join(", ", BuildAnalyzers.Assemblies)}; warmed up ({warmUpDiagnostics.Length} diagnostics on N = 10)");
foreach (var failure in BuildAnalyzers.Failures)
{
    Console.WriteLine($"  not loaded: {failure}");
}

CompilerCost.Sizes = sizes;
// No warmup iteration: the proof run in Setup has realized the trees and compiled every path just before.
var job = (dry ? Job.Dry : Job.Default.WithStrategy(RunStrategy.Monitoring).WithWarmupCount(0).WithIterationCount(3))
    .WithLaunchCount(1)
    .WithInvocationCount(1)
    .WithUnrollFactor(1)
    // In process: the measured code is Roslyn's, already optimized; no generated project to restore and build.
    .WithToolchain(new InProcessEmitToolchain(TimeSpan.FromHours(1), logOutput: true));
var config = ManualConfig.CreateEmpty()
    .AddJob(job)
    .AddLogger(ConsoleLogger.Default)
    .AddColumnProvider(DefaultColumnProviders.Instance)
    .AddDiagnoser(MemoryDiagnoser.Default)
    .AddExporter(MarkdownExporter.GitHub)
    .WithOrderer(new BenchmarkDotNet.Order.DefaultOrderer(BenchmarkDotNet.Order.SummaryOrderPolicy.Declared))
    .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Percentage));

var summary = BenchmarkRunner.Run<CompilerCost>(config);
foreach (var size in sizes)
{
    Console.WriteLine(CompilerCost.Verifications.TryGetValue(size, out var verification) ? verification.ToString() : $"N = {size:N0}: not measured");
}

return Verdict.Print(summary, sizes.Select(static size => CompilerCost.Verifications[size]).ToList(), Console.Out) ? 0 : 1;
