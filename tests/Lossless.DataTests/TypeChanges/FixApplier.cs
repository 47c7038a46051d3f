using System.Collections.Immutable;
using Lossless.Analyzers.Infrastructure;
using Lossless.Analyzers.Model.Providers;
using Lossless.CodeFixes.Rules.DataLoss.TypeChanges;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.DataTests.TypeChanges;

/// <summary>
/// Applies a code fix the way an IDE does (the analyzer's diagnostics, the fixer's code action with the chosen
/// equivalence key), over and over until no diagnostic it fixes is left, and returns the fixed migration: the
/// database tests run exactly what the fix writes.
/// </summary>
internal static class FixApplier
{
    private static readonly string[] ProviderAssemblies =
    [
        "Npgsql.EntityFrameworkCore.PostgreSQL",
        "Npgsql",
        "Microsoft.EntityFrameworkCore.Sqlite",
        "Microsoft.Data.Sqlite",
        "Microsoft.EntityFrameworkCore.SqlServer",
        "Microsoft.Data.SqlClient",
    ];

    /// <summary>The fixed text of <paramref name="target"/> (an index into <paramref name="sources"/>).</summary>
    public static async Task<string> ApplyAsync(DatabaseProvider provider, string[] sources, int target, string equivalenceKey, CodeFixProvider? codeFix = null)
    {
        using var workspace = new AdhocWorkspace();
        var projectId = ProjectId.CreateNewId();
        var solution = workspace.CurrentSolution.AddProject(ProjectInfo.Create(
            projectId,
            VersionStamp.Default,
            "Migrations",
            "Migrations",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: References(provider)));
        var ids = new DocumentId[sources.Length];
        for (var i = 0; i < sources.Length; i++)
        {
            ids[i] = DocumentId.CreateNewId(projectId);
            solution = solution.AddDocument(ids[i], $"Source{i}.cs", sources[i]);
        }

        var fixer = codeFix ?? new TypeChangeFixer();
        for (var round = 0; round < 20; round++)
        {
            var document = solution.GetDocument(ids[target])!;
            var diagnostics = await DiagnosticsAsync(solution.GetProject(projectId)!, document);
            var fixable = diagnostics.Where(d => fixer.FixableDiagnosticIds.Contains(d.Id)).OrderBy(d => d.Location.SourceSpan.Start).ToList();
            if (fixable.Count == 0)
            {
                return (await document.GetTextAsync()).ToString();
            }

            CodeAction? chosen = null;
            foreach (var diagnostic in fixable)
            {
                var actions = new List<CodeAction>();
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
                chosen = actions.FirstOrDefault(a => a.EquivalenceKey == equivalenceKey);
                if (chosen is not null)
                {
                    break;
                }
            }

            if (chosen is null)
            {
                if (round == 0)
                {
                    throw new InvalidOperationException($"No fix '{equivalenceKey}' is offered for: " + string.Join("; ", fixable.Select(d => d.Id + " " + d.GetMessage())));
                }

                return (await document.GetTextAsync()).ToString();
            }

            var operations = await chosen.GetOperationsAsync(CancellationToken.None);
            solution = operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        throw new InvalidOperationException("The fix did not converge.");
    }

    /// <summary>The analyzer's diagnostics for one document of the project.</summary>
    public static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project, Document document)
    {
        var compilation = (await project.GetCompilationAsync())!;
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        if (errors.Count > 0)
        {
            throw new InvalidOperationException("The migrations do not compile:\n" + string.Join("\n", errors));
        }

        var tree = (await document.GetSyntaxTreeAsync())!;
        var analyzed = compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MigrationAnalyzer()));
        var all = await analyzed.GetAnalyzerDiagnosticsAsync();
        return all.Where(d => d.Location.SourceTree == tree).ToImmutableArray();
    }

    /// <summary>The analyzer's LL diagnostics on the migration sources, as "LLxxxx table.column" lines (for asserting a fixed migration is clean).</summary>
    public static async Task<IReadOnlyList<string>> DiagnoseAsync(DatabaseProvider provider, params string[] sources)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution.AddProject("Migrations", "Migrations", LanguageNames.CSharp)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .WithMetadataReferences(References(provider));
        var documents = new List<Document>();
        for (var i = 0; i < sources.Length; i++)
        {
            var document = project.AddDocument($"Source{i}.cs", sources[i]);
            project = document.Project;
            documents.Add(document);
        }

        var result = new List<string>();
        foreach (var document in documents)
        {
            foreach (var diagnostic in await DiagnosticsAsync(project, project.GetDocument(document.Id)!))
            {
                // The Availability infos (LL3xxx) say what a fixed migration still does to the running application (a
                // verified type change still rewrites its table): Data first, they are not what "clean" means here.
                if (diagnostic.Descriptor.Category == "Availability")
                {
                    continue;
                }

                result.Add(diagnostic.Id + " " + diagnostic.GetMessage());
            }
        }

        return result;
    }

    private static IEnumerable<MetadataReference> References(DatabaseProvider provider)
    {
        var wanted = provider switch
        {
            DatabaseProvider.PostgreSql => new[] { "Npgsql.EntityFrameworkCore.PostgreSQL", "Npgsql" },
            DatabaseProvider.Sqlite => new[] { "Microsoft.EntityFrameworkCore.Sqlite", "Microsoft.Data.Sqlite" },
            _ => throw new NotSupportedException(provider.ToString()),
        };

        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        foreach (var path in paths)
        {
            var name = Path.GetFileNameWithoutExtension(path);
            if (Array.IndexOf(ProviderAssemblies, name) < 0 || Array.IndexOf(wanted, name) >= 0)
            {
                yield return MetadataReference.CreateFromFile(path);
            }
        }
    }
}
