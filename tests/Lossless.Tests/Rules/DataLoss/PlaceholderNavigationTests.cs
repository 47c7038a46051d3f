using System.Collections.Immutable;
using Lossless.Analyzers.Infrastructure;
using Lossless.CodeFixes;
using Lossless.CodeFixes.Rules.DataLoss;
using Lossless.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Lossless.Tests.Rules.DataLoss;

/// <summary>The value a fix leaves to choose (lossless: choose) carries the navigation annotation that puts the IDE's caret on it.</summary>
public class PlaceholderNavigationTests
{
    private const string NavigationKind = "CodeAction_Navigation";


    [Fact]
    public async Task MadeRequired_ValueToChooseIsTheNavigationTarget()
    {
        var up = """migrationBuilder.AlterColumn<string>(name: "email", table: "users", type: "text", nullable: false, oldClrType: typeof(string), oldType: "text", oldNullable: true);""";
        Assert.Equal(
            ["\"UPDATE \\\"users\\\" SET \\\"email\\\" = NULL /* lossless: choose */ WHERE \\\"email\\\" IS NULL;\""],
            await NavigationTargetsAsync(new MadeRequiredFixer(), FixerKeys.LL1007_BackfillNulls, Sources.Migration(up)));
    }

    [Fact]
    public async Task RequiredColumnAdded_ValueToChooseIsTheNavigationTarget()
    {
        var up = """migrationBuilder.AddColumn<int>(name: "age", table: "users", type: "integer", nullable: false);""";
        Assert.Equal(
            ["\"UPDATE \\\"users\\\" SET \\\"age\\\" = NULL /* lossless: choose */ WHERE \\\"age\\\" IS NULL;\""],
            await NavigationTargetsAsync(new RequiredColumnAddedFixer(), FixerKeys.LL1008_AddNullableBackfillRequire, Sources.Migration(up)));
    }

    private static async Task<string[]> NavigationTargetsAsync(CodeFixProvider fixer, string key, string source)
    {
        using var workspace = new AdhocWorkspace();
        var document = workspace.AddProject("Test", LanguageNames.CSharp)
            .WithMetadataReferences(EFCoreReferences.For(TestProvider.PostgreSql))
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .AddDocument("Test.cs", source);
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new MigrationAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var diagnostic = Assert.Single(diagnostics, d => fixer.FixableDiagnosticIds.Contains(d.Id));
        var actions = new List<CodeAction>();
        await fixer.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var operation = Assert.IsType<ApplyChangesOperation>(Assert.Single(await Assert.Single(actions, a => a.EquivalenceKey == key).GetOperationsAsync(CancellationToken.None)));
        var root = (await operation.ChangedSolution.GetDocument(document.Id)!.GetSyntaxRootAsync())!;
        return root.GetAnnotatedNodesAndTokens(NavigationKind).Select(n => n.ToString()).ToArray();
    }
}
