using System.Collections.Immutable;
using Lossless.Analyzers.Infrastructure;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.DataTests.DataLoss;

/// <summary>
/// Runs the analyzer over migration sources in a Roslyn workspace and applies a real code fix, as an IDE or
/// `dotnet format` would: the migration the database proofs run is exactly what the fix wrote.
/// </summary>
internal static class FixApplier
{
    private static readonly Lazy<MetadataReference[]> AllReferences = new(() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray());

    /// <summary>
    /// Applies the code action <paramref name="equivalenceKey"/> to every <paramref name="diagnosticId"/> in
    /// <paramref name="source"/> (one at a time, re-analysing in between), and returns the fixed source.
    /// </summary>
    public static async Task<string> ApplyAsync(DatabaseProvider provider, string diagnosticId, string equivalenceKey, string source, params string[] otherSources)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.AddProject("Migrations", LanguageNames.CSharp)
            .WithMetadataReferences(References(provider))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest));
        var document = project.AddDocument("Migration.cs", source);
        project = document.Project;
        for (var i = 0; i < otherSources.Length; i++)
        {
            project = project.AddDocument($"Other{i}.cs", otherSources[i]).Project;
        }

        var fixer = Fixer(diagnosticId);
        var documentId = document.Id;
        var applied = 0;
        for (var round = 0; round < 20; round++)
        {
            document = project.GetDocument(documentId)!;
            var tree = await document.GetSyntaxTreeAsync();
            var compilation = (await project.GetCompilationAsync())!;
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MigrationAnalyzer()), project.AnalyzerOptions)
                .GetAnalyzerDiagnosticsAsync();
            CodeAction? action = null;
            foreach (var diagnostic in diagnostics.Where(d => d.Id == diagnosticId && d.Location.SourceTree == tree))
            {
                var actions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (a, _) => actions.Add(a), CancellationToken.None));
                action = actions.FirstOrDefault(a => a.EquivalenceKey == equivalenceKey);
                if (action is not null)
                {
                    break;
                }
            }

            if (action is null)
            {
                break;
            }

            var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
            project = operation.ChangedSolution.GetProject(project.Id)!;
            applied++;
        }

        Assert.True(applied > 0, $"No {equivalenceKey} fix was offered for {diagnosticId}.");
        return (await project.GetDocument(documentId)!.GetTextAsync()).ToString();
    }

    private static CodeFixProvider Fixer(string diagnosticId)
        => typeof(FixerKeys).Assembly.GetTypes()
            .Where(t => typeof(CodeFixProvider).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .Single(f => f.FixableDiagnosticIds.Contains(diagnosticId));

    /// <summary>The EF Core provider assemblies the test host carries (the SQL Server one for the EF facts tests).</summary>
    internal static readonly string[] ProviderAssemblies = ["Npgsql.EntityFrameworkCore.PostgreSQL", "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.EntityFrameworkCore.SqlServer"];

    /// <summary>The test host's assemblies, with only the chosen provider's EF Core assembly, so the analyzer detects it.</summary>
    private static IEnumerable<MetadataReference> References(DatabaseProvider provider)
    {
        var kept = provider == DatabaseProvider.PostgreSql ? "Npgsql.EntityFrameworkCore.PostgreSQL" : "Microsoft.EntityFrameworkCore.Sqlite";
        return AllReferences.Value.Where(r => Path.GetFileNameWithoutExtension(r.Display) is not { } name || !ProviderAssemblies.Contains(name) || name == kept);
    }
}
