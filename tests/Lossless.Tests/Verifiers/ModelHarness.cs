using Lossless.Analyzers.Infrastructure;
using Lossless.Analyzers.Model;
using Lossless.Analyzers.Model.Providers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lossless.Tests.Verifiers;

/// <summary>Compiles sources against real EF Core and reads one migration class into its model, as the analyzer does.</summary>
public static class ModelHarness
{
    public static CSharpCompilation Compile(TestProvider provider, params string[] sources)
    {
        var trees = sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, path: $"/0/Test{i}.cs")).ToArray();
        var compilation = CSharpCompilation.Create(
            "Tests",
            trees,
            EFCoreReferences.For(provider),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(errors.Length == 0, "The test source does not compile:\n" + string.Join("\n", errors.Select(e => e.ToString())));
        return compilation;
    }

    public static MigrationModel Read(string source, TestProvider provider = TestProvider.PostgreSql, string typeName = "Sample.Migrations.ChangeTypes", params string[] moreSources)
        => Read(Compile(provider, [source, .. moreSources]), typeName);

    internal static MigrationModel Read(Compilation compilation, string typeName)
    {
        var symbols = MigrationSymbols.TryCreate(compilation) ?? throw new InvalidOperationException("EF Core is not referenced");
        var type = compilation.GetTypeByMetadataName(typeName) ?? throw new InvalidOperationException(typeName + " not found");
        Assert.True(symbols.IsMigration(type));
        var reader = new MigrationReader(type, symbols, new MigrationIndex(compilation, symbols));
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            var model = compilation.GetSemanticModel(reference.SyntaxTree);
            foreach (var method in ((TypeDeclarationSyntax)reference.GetSyntax()).Members.OfType<MethodDeclarationSyntax>())
            {
                var symbol = model.GetDeclaredSymbol(method)!;
                var body = (SyntaxNode?)method.Body ?? method.ExpressionBody;
                if (body is not null && model.GetOperation(body) is { } operation)
                {
                    reader.AddBody(symbol, [operation], CancellationToken.None);
                }
            }
        }

        return reader.Build(ProviderDetector.FromReferences(compilation), CancellationToken.None);
    }
}
