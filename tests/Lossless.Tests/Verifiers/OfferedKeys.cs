using System.Collections.Immutable;
using Lossless.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Tests.Verifiers;

/// <summary>What a fixer offers: the equivalence keys of its code actions for every diagnostic it fixes in the sources.</summary>
public static class OfferedKeys
{
    public static async Task<string[]> ForAsync(CodeFixProvider fixer, TestProvider provider, params string[] sources)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithMetadataReferences(EFCoreReferences.For(provider))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        var documents = new List<Document>();
        foreach (var source in sources)
        {
            var document = project.AddDocument($"Test{documents.Count}.cs", source);
            project = document.Project;
            documents.Add(document);
        }

        var compilation = (await project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MigrationAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var keys = new List<string>();
        foreach (var diagnostic in diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start))
        {
            var document = project.GetDocument(diagnostic.Location.SourceTree)!;
            var actions = new List<CodeAction>();
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            keys.AddRange(actions.Select(a => a.EquivalenceKey!));
        }

        return keys.ToArray();
    }
}
