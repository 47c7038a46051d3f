using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Benchmarks;

/// <summary>
/// The analyzers an EF Core project's build already runs before Lossless is installed: the .NET SDK's NetAnalyzers,
/// EF Core's own analyzers and the runtime pack's, with their default severities (the SDK's default global config
/// for analysis level 10 turns off only CA1516). Taken from this project's own build (build-analyzers.txt, written
/// by its RecordBuildAnalyzers target), less BenchmarkDotNet's. Source generators are not analyzers and not run here.
/// </summary>
public static class BuildAnalyzers
{
    private static readonly Lazy<(ImmutableArray<DiagnosticAnalyzer> Analyzers, ImmutableArray<string> Assemblies, ImmutableArray<string> Failures)> Loaded = new(Load);

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => Loaded.Value.Analyzers;

    /// <summary>File names of the assemblies whose analyzers were loaded.</summary>
    public static ImmutableArray<string> Assemblies => Loaded.Value.Assemblies;

    /// <summary>Analyzer assemblies this process could not load (printed, so a reader knows what the baseline lacks).</summary>
    public static ImmutableArray<string> Failures => Loaded.Value.Failures;

    /// <summary>As the SDK's analysislevel_10_default.globalconfig: the rules it turns off.</summary>
    public static IReadOnlyDictionary<string, ReportDiagnostic> Severities { get; } = new Dictionary<string, ReportDiagnostic>
    {
        ["CA1516"] = ReportDiagnostic.Suppress,
    };

    private static (ImmutableArray<DiagnosticAnalyzer>, ImmutableArray<string>, ImmutableArray<string>) Load()
    {
        var list = Path.Combine(AppContext.BaseDirectory, "build-analyzers.txt");
        if (!File.Exists(list))
        {
            throw new InvalidOperationException($"{list} is missing: build tests/Lossless.Benchmarks with dotnet build, whose RecordBuildAnalyzers target writes it");
        }

        var analyzers = ImmutableArray.CreateBuilder<DiagnosticAnalyzer>();
        var assemblies = ImmutableArray.CreateBuilder<string>();
        var failures = ImmutableArray.CreateBuilder<string>();
        var loader = new Loader();
        foreach (var path in File.ReadAllLines(list).Where(static line => line.Length > 0).Distinct(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.StartsWith("BenchmarkDotNet", StringComparison.Ordinal))
            {
                continue;
            }

            var reference = new AnalyzerFileReference(path, loader);
            reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{name}: {e.ErrorCode} {e.Message} {e.Exception?.Message}".TrimEnd());
            var found = reference.GetAnalyzers(LanguageNames.CSharp);
            if (found.Length > 0)
            {
                analyzers.AddRange(found);
                assemblies.Add(name);
            }
        }

        return (analyzers.ToImmutable(), assemblies.ToImmutable(), failures.ToImmutable());
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
