using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Corpus;

/// <summary>
/// The analyzers of Microsoft.EntityFrameworkCore.Analyzers (EF1001 and the raw-SQL rules), which every project that
/// references EF Core runs in its build: the Microsoft.EntityFrameworkCore package depends on that package without
/// excluding its analyzers. Taken from this project's own build (ef-analyzers.txt, written by its
/// RecordEFCoreAnalyzers target). EF1001 asks the analyzer driver for the operation tree of every method body it
/// analyzes, so in a real build the trees of a migration's Up and Down exist before Lossless's callback asks for them.
/// </summary>
public static class EFCoreAnalyzers
{
    private static readonly Lazy<(ImmutableArray<DiagnosticAnalyzer> Analyzers, string Source)> Loaded = new(Load);

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers => Loaded.Value.Analyzers;

    /// <summary>The analyzer assembly and its version, for the report.</summary>
    public static string Source => Loaded.Value.Source;

    private static (ImmutableArray<DiagnosticAnalyzer>, string) Load()
    {
        var list = Path.Combine(AppContext.BaseDirectory, "ef-analyzers.txt");
        var path = File.Exists(list) ? File.ReadAllLines(list).FirstOrDefault(static line => line.Length > 0) : null;
        if (path is null || !File.Exists(path))
        {
            throw new InvalidOperationException($"{list} names no analyzer assembly: build tests/Lossless.Corpus with dotnet build, whose RecordEFCoreAnalyzers target writes it");
        }

        var failures = new List<string>();
        var reference = new AnalyzerFileReference(path, new Loader());
        reference.AnalyzerLoadFailed += (_, e) => failures.Add($"{e.ErrorCode} {e.Message} {e.Exception?.Message}".TrimEnd());
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        if (analyzers.IsEmpty || failures.Count > 0)
        {
            throw new InvalidOperationException($"{path}: no analyzer loaded{(failures.Count > 0 ? ": " + string.Join("; ", failures) : string.Empty)}");
        }

        var version = AssemblyName.GetAssemblyName(path).Version;
        return (analyzers, $"{Path.GetFileName(path)} {version} ({analyzers.Length} analyzers)");
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }
}
