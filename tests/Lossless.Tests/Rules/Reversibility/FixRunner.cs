using System.Collections.Immutable;
using Lossless.Analyzers.Infrastructure;
using Lossless.CodeFixes.Rules.Reversibility;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Lossless.Tests.Rules.Reversibility;

/// <summary>
/// Runs the analyzer and <see cref="GenerateDownFixer"/> over a set of sources in a real workspace, the way an IDE
/// applies one code action per diagnostic, and returns every document's text afterwards.
/// </summary>
internal static class FixRunner
{
    public static async Task<string[]> FixAsync(TestProvider provider, string[] sources, params string[] ids)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("Migrations", "Migrations", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithMetadataReferences(EFCoreReferences.For(provider));
        var documentIds = new List<DocumentId>();
        for (var i = 0; i < sources.Length; i++)
        {
            var document = project.AddDocument($"Source{i}.cs", SourceText.From(sources[i]));
            documentIds.Add(document.Id);
            project = document.Project;
        }

        var solution = project.Solution;
        var fixer = new GenerateDownFixer();

        // One diagnostic at a time, re-analysing after each fix, as a user clicking the light bulb would. A diagnostic
        // the fix leaves (a TODO only a person can complete) is tried once.
        var tried = new HashSet<string>(StringComparer.Ordinal);
        for (var round = 0; round < 100; round++)
        {
            var compilation = (await solution.GetProject(project.Id)!.GetCompilationAsync())!;
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MigrationAnalyzer())).GetAnalyzerDiagnosticsAsync();
            var next = diagnostics.Where(d => ids.Contains(d.Id) && !tried.Contains(Key(d))).OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).FirstOrDefault();
            if (next is null)
            {
                return documentIds.Select(id => solution.GetDocument(id)!.GetTextAsync().Result.ToString()).ToArray();
            }

            tried.Add(Key(next));
            var document = solution.GetDocument(next.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, next, (action, _) => actions.Add(action), CancellationToken.None));
            if (actions.Count == 0)
            {
                continue;
            }

            var operations = await actions.Single().GetOperationsAsync(CancellationToken.None);
            var changed = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
            if (changed == solution)
            {
                throw new InvalidOperationException("The fix changed nothing for " + next);
            }

            solution = changed;
        }

        throw new InvalidOperationException("The fixes did not converge in 100 rounds.");
    }

    private static string Key(Diagnostic diagnostic) => diagnostic.Id + "@" + diagnostic.Location.SourceTree!.FilePath + ":" + diagnostic.GetMessage();
}
