using System.Collections.Immutable;
using System.Reflection;
using Lossless.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Benchmarks;

/// <summary>
/// One size of the generated project, parsed once: the EF Core compilation's trees and (when first asked) the same
/// trees without EF Core. Each measured run makes a fresh compilation of them, so no binding is shared between runs.
/// </summary>
public sealed class Workload
{
    private static Workload? _current;

    private readonly Lazy<ImmutableArray<SyntaxTree>> _withoutEFCoreTrees;

    private Workload(int count, int tables, GeneratedProvider provider)
    {
        Corpus = MigrationCorpus.Generate(count, tables, provider);
        EFCoreTrees = Corpus.Files.Select(static file => Parse(file.Text, file.Path)).ToImmutableArray();
        _withoutEFCoreTrees = new Lazy<ImmutableArray<SyntaxTree>>(() => Corpus.Files.Select(static file => Parse(StandIn.Rename(file.Text), file.Path))
            .Append(Parse(StandIn.Api, "StandIn.cs"))
            .ToImmutableArray());
    }

    /// <summary>Every analyzer the Lossless analyzer assembly declares, found by reflection so new ones are measured too.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(MigrationAnalyzer).Assembly.GetTypes()
        .Where(static type => type is { IsClass: true, IsAbstract: false }
            && typeof(DiagnosticAnalyzer).IsAssignableFrom(type)
            && type.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is { } attribute
            && attribute.Languages.Contains(LanguageNames.CSharp))
        .OrderBy(static type => type.FullName, StringComparer.Ordinal)
        .Select(static type => (DiagnosticAnalyzer)Activator.CreateInstance(type)!)
        .ToImmutableArray();

    public MigrationCorpus Corpus { get; }

    public ImmutableArray<SyntaxTree> EFCoreTrees { get; }

    /// <summary>
    /// The same files against the stand-in API, parsed when first asked: only the compiler-cost benchmark compiles
    /// them, and the Designer benchmark's largest projects would otherwise be parsed twice for nothing.
    /// </summary>
    public ImmutableArray<SyntaxTree> WithoutEFCoreTrees => _withoutEFCoreTrees.Value;

    public long WithoutEFCoreLines => Corpus.Lines + StandIn.Api.Count(static c => c == '\n');

    /// <summary>The workload for <paramref name="count"/> migrations; the previous size is released first.</summary>
    public static Workload For(int count) => For(count, MigrationCorpus.ModelTables);

    /// <summary>
    /// The workload for <paramref name="count"/> migrations whose Designers hold <paramref name="tables"/> tables,
    /// scaffolded for <paramref name="provider"/>.
    /// </summary>
    public static Workload For(int count, int tables, GeneratedProvider provider = GeneratedProvider.Npgsql)
    {
        if (_current?.Corpus.Count != count || _current.Corpus.Tables != tables || _current.Corpus.Provider != provider)
        {
            _current = null;
            GC.Collect();
            _current = new Workload(count, tables, provider);
        }

        return _current;
    }

    /// <summary>A fresh compilation of the project against the real EF Core 10 and provider (Npgsql or SQLite) assemblies.</summary>
    public CSharpCompilation EFCoreCompilation() => Compile(EFCoreTrees, References.For(Corpus.Provider));

    /// <summary>A fresh compilation of the same project without EF Core: the runtime and the stand-in API only.</summary>
    public CSharpCompilation WithoutEFCoreCompilation() => Compile(WithoutEFCoreTrees, References.RuntimeOnly);

    /// <summary>The compilation with <paramref name="analyzers"/>, run concurrently as a build runs them.</summary>
    public static CompilationWithAnalyzers WithAnalyzers(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, bool logExecutionTime, Action<Exception, DiagnosticAnalyzer, Diagnostic>? onException)
        => compilation.WithAnalyzers(
            analyzers,
            new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                onException,
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: logExecutionTime,
                reportSuppressedDiagnostics: false));

    private static SyntaxTree Parse(string text, string path)
        => CSharpSyntaxTree.ParseText(text, CSharpParseOptions.Default.WithLanguageVersion(LanguageVersion.Latest), path);

    private static CSharpCompilation Compile(ImmutableArray<SyntaxTree> trees, ImmutableArray<MetadataReference> references)
        => CSharpCompilation.Create(
            "Shop",
            trees,
            references,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                // As the .NET SDK does (NoWarn 1701;1702): Npgsql 10.0.3 was built against an older EF Core 10 patch.
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>(BuildAnalyzers.Severities)
                {
                    ["CS1701"] = ReportDiagnostic.Suppress,
                    ["CS1702"] = ReportDiagnostic.Suppress,
                }));
}
