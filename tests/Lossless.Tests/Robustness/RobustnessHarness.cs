using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Reflection;
using Lossless.Tests.Meta;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.Tests.Robustness;

/// <summary>
/// Runs every analyzer of the analyzer assembly and every code fix of the code-fix assembly (both found by reflection,
/// so rules and fixes added later are exercised without being listed) over sources that may not compile, and collects
/// what went wrong: analyzer exceptions (AD0001), fixes that throw, and fixes that leave code with new compiler errors.
/// </summary>
internal static class RobustnessHarness
{
    private static readonly ImmutableArray<CodeFixProvider> Fixers =
        AnalyzerCatalog.CodeFixProviderTypes.Select(static type => (CodeFixProvider)Activator.CreateInstance(type)!).ToImmutableArray();

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly CSharpCompilationOptions CompilationOptions = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic>
        {
            // As the .NET SDK does (NoWarn 1701;1702): the providers were built against older EF Core 10 patches.
            ["CS1701"] = ReportDiagnostic.Suppress,
            ["CS1702"] = ReportDiagnostic.Suppress,
        });

    /// <summary>The analyzers' Lossless diagnostics, the compiler's errors, and every analyzer exception.</summary>
    public static async Task<Analysis> AnalyzeAsync(TestProvider provider, params string[] sources)
    {
        var project = CreateProject(provider, sources);
        return await AnalyzeAsync(project);
    }

    /// <summary>
    /// Asks every fixer for fixes on every diagnostic it claims, applies each offered action, and reports each that
    /// throws or whose result has compiler errors the source did not have. Returns the number of actions applied.
    /// </summary>
    public static async Task<(int Applied, List<string> Failures)> FixAllOfferedAsync(TestProvider provider, params string[] sources)
    {
        var project = CreateProject(provider, sources);
        var analysis = await AnalyzeAsync(project);
        var failures = new List<string>(analysis.Exceptions.Select(static e => "analyzer: " + e));
        var applied = 0;
        foreach (var diagnostic in analysis.Diagnostics)
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree);
            if (document is null)
            {
                continue;
            }

            foreach (var fixer in Fixers)
            {
                if (!fixer.FixableDiagnosticIds.Contains(diagnostic.Id))
                {
                    continue;
                }

                var actions = new List<CodeAction>();
                try
                {
                    var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                    await fixer.RegisterCodeFixesAsync(context);
                }
                catch (Exception exception)
                {
                    failures.Add($"{fixer.GetType().Name} threw registering fixes for {diagnostic}: {exception}");
                    continue;
                }

                foreach (var action in Flatten(actions))
                {
                    applied++;
                    var failure = await ApplyAsync(project, analysis.CompilerErrors, diagnostic, fixer, action);
                    if (failure is not null)
                    {
                        failures.Add(failure);
                    }
                }
            }
        }

        return (applied, failures);
    }

    public static Project CreateProject(TestProvider provider, string[] sources)
    {
        var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Create(),
            "Robustness",
            "Robustness",
            LanguageNames.CSharp,
            compilationOptions: CompilationOptions,
            parseOptions: ParseOptions,
            metadataReferences: EFCoreReferences.For(provider)));
        for (var i = 0; i < sources.Length; i++)
        {
            solution = solution.AddDocument(DocumentId.CreateNewId(projectId), $"Test{i}.cs", SourceText.From(sources[i]), filePath: $"/0/Test{i}.cs");
        }

        return solution.GetProject(projectId)!;
    }

    internal static async Task<Analysis> AnalyzeAsync(Project project)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var exceptions = new ConcurrentBag<string>();
        var options = new CompilationWithAnalyzersOptions(
            project.AnalyzerOptions,
            onAnalyzerException: (exception, analyzer, _) => exceptions.Add($"{analyzer.GetType().Name}: {exception}"),
            concurrentAnalysis: true,
            logAnalyzerExecutionTime: false);
        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic.Id == "AD0001")
            {
                exceptions.Add(diagnostic.ToString());
            }
        }

        return new Analysis(
            diagnostics.Where(static d => d.Id.StartsWith("LL", StringComparison.Ordinal)).OrderBy(static d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(static d => d.Location.SourceSpan.Start).ToImmutableArray(),
            Errors(compilation),
            exceptions.ToList());
    }

    private static async Task<string?> ApplyAsync(Project project, ImmutableArray<string> errorsBefore, Diagnostic diagnostic, CodeFixProvider fixer, CodeAction action)
    {
        var what = $"{fixer.GetType().Name} '{action.Title}' ({action.EquivalenceKey}) on {diagnostic}";
        try
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            foreach (var operation in operations.OfType<ApplyChangesOperation>())
            {
                var changed = operation.ChangedSolution.GetProject(project.Id)!;
                var errorsAfter = Errors((await changed.GetCompilationAsync())!);
                var added = errorsAfter.ToList();
                foreach (var error in errorsBefore)
                {
                    added.Remove(error);
                }

                if (added.Count > 0)
                {
                    var text = string.Join("\n", await Task.WhenAll(changed.Documents.Select(static async d => (await d.GetTextAsync()).ToString())));
                    return $"{what} leaves new compiler errors:\n  {string.Join("\n  ", added)}\n--- fixed sources ---\n{text}";
                }
            }

            return null;
        }
        catch (Exception exception)
        {
            return $"{what} threw: {exception}";
        }
    }

    /// <summary>Compiler errors as id and message, without positions: a fix moves code, and the same error may move with it.</summary>
    private static ImmutableArray<string> Errors(Compilation compilation)
        => compilation.GetDiagnostics()
            .Where(static d => d.Severity == DiagnosticSeverity.Error)
            .Select(static d => $"{d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToImmutableArray();

    /// <summary>The actions a user can pick: nested actions (a menu of choices) are opened.</summary>
    private static IEnumerable<CodeAction> Flatten(IEnumerable<CodeAction> actions)
    {
        foreach (var action in actions)
        {
            var nested = NestedActions(action);
            if (nested.IsDefaultOrEmpty)
            {
                yield return action;
                continue;
            }

            foreach (var inner in Flatten(nested))
            {
                yield return inner;
            }
        }
    }

    private static ImmutableArray<CodeAction> NestedActions(CodeAction action)
    {
        // Public from Roslyn 4.9 on as NestedActions; internal NestedCodeActions before.
        var property = typeof(CodeAction).GetProperty("NestedActions", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? typeof(CodeAction).GetProperty("NestedCodeActions", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);
        return property?.GetValue(action) is ImmutableArray<CodeAction> nested ? nested : ImmutableArray<CodeAction>.Empty;
    }

    public sealed record Analysis(ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> CompilerErrors, IReadOnlyList<string> Exceptions)
    {
        /// <summary>The Lossless ids reported, in source order.</summary>
        public string Ids => string.Join(" ", Diagnostics.Select(static d => d.Id));
    }
}
