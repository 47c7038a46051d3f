using System.Collections.Immutable;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Tests.Meta;

/// <summary>
/// Offering a fix is cheap: RegisterCodeFixesAsync decides from the diagnostic's properties and the reported call's
/// syntax, and binds nothing. The IDE calls it for every diagnostic under the caret on every keystroke; only an
/// invoked action reads the migration (its semantic model, target models and keys).
/// </summary>
public sealed class LazyCodeActionsTests
{
    private const string Up = """
        migrationBuilder.AlterColumn<int>(name: "quantity", table: "orders", type: "integer", nullable: false, oldClrType: typeof(string), oldType: "text");
        migrationBuilder.AlterColumn<decimal>(name: "total", table: "orders", type: "numeric(10,0)", nullable: false, oldClrType: typeof(decimal), oldType: "numeric(10,2)");
        migrationBuilder.AlterColumn<string>(name: "email", table: "users", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true);
        migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "integer", nullable: false);
        """;

    [Fact]
    public async Task RegisterCodeFixes_BindsNothing_AndTheActionReadsTheMigrationWhenInvoked()
    {
        using var workspace = new AdhocWorkspace();
        var document = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithMetadataReferences(EFCoreReferences.For(TestProvider.PostgreSql))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .WithParseOptions(new CSharpParseOptions(LanguageVersion.Latest))
            .AddDocument("Migration.cs", Sources.Migration(Up));

        // The diagnostics come from a compilation of the document's own tree made outside the workspace, so that the
        // workspace has computed no semantic model and no compilation for it.
        var tree = (await document.GetSyntaxTreeAsync())!;
        var compilation = CSharpCompilation.Create("Test", [tree], EFCoreReferences.For(TestProvider.PostgreSql), new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var diagnostics = await compilation.WithAnalyzers(AnalyzerCatalog.Analyzers).GetAnalyzerDiagnosticsAsync();
        var fixers = AnalyzerCatalog.CodeFixProviderTypes.Select(static t => (CodeFixProvider)Activator.CreateInstance(t)!).ToList();

        var actions = new List<CodeAction>();
        foreach (var diagnostic in diagnostics)
        {
            foreach (var fixer in fixers.Where(f => f.FixableDiagnosticIds.Contains(diagnostic.Id)))
            {
                await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
            }
        }

        Assert.Equal(
            ["LL1001_VerifyThenConvert", "LL1002_ExpandContract", "LL1002_UsingCast", "LL1007_BackfillNulls", "LL1008_AddNullableBackfillRequire", "LL2001_GenerateDown"],
            actions.Select(static a => a.EquivalenceKey!).Distinct().Order(StringComparer.Ordinal));
        Assert.False(document.TryGetSemanticModel(out _), "Offering a fix computed the document's semantic model.");
        Assert.False(document.Project.TryGetCompilation(out _), "Offering a fix compiled the project.");

        // Invoked, an action reads the migration.
        var operations = await actions.First(static a => a.EquivalenceKey == "LL1002_UsingCast").GetOperationsAsync(CancellationToken.None);
        Assert.Single(operations.OfType<ApplyChangesOperation>());
        Assert.True(document.Project.TryGetCompilation(out _));
    }
}
