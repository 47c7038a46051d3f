using Lossless.Analyzers;
using Lossless.Tests.Verifiers;
using Verify = Lossless.Tests.Verifiers.CSharpAnalyzerVerifier<Lossless.Analyzers.Infrastructure.MigrationAnalyzer>;

namespace Lossless.Tests.Rules.Correctness;

/// <summary>LL4002: a migration class without [Migration] or [DbContext] (tests/Lossless.DataTests/Correctness prove EF Core never finds it).</summary>
public class MigrationNotDiscoverableTests
{
    private static string Migration(string attributes) => $$"""
        {{Sources.Usings}}

        namespace Sample.Migrations
        {
            {{attributes}}
            public partial class {|#0:AddNicknames|} : Migration
            {
                protected override void Up(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.AddColumn<string>(name: "Nickname", table: "Users", type: "text", nullable: true);
                }

                protected override void Down(MigrationBuilder migrationBuilder)
                {
                    migrationBuilder.DropColumn(name: "Nickname", table: "Users");
                }
            }
        }

        {{Sources.Context}}
        """;

    [Theory]
    [InlineData("[DbContext(typeof(Sample.AppDbContext))]", "[Migration]")]
    [InlineData("[Migration(\"20250117120000_AddNicknames\")]", "[DbContext]")]
    [InlineData("", "[Migration] nor [DbContext]")]
    public async Task MissingAttribute_Reports(string attributes, string missing)
    {
        await Verify.VerifyAnalyzerAsync(
            Migration(attributes),
            Verify.Diagnostic(RuleIds.MigrationNotDiscoverable).WithLocation(0).WithArguments("AddNicknames", missing));
    }

    [Fact]
    public async Task BothAttributes_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync(Migration("[DbContext(typeof(Sample.AppDbContext))]\n    [Migration(\"20250117120000_AddNicknames\")]").Replace("{|#0:AddNicknames|}", "AddNicknames"));
    }

    [Fact]
    public async Task AttributesInTheDesignerFile_DoNotReport_AndWithoutThemTheMigrationFileIsBlamed()
    {
        // EF scaffolds the attributes into the .Designer.cs partial.
        var test = new Verify.Test(TestProvider.PostgreSql);
        test.TestState.Sources.Add(("AddNicknames.cs", Migration(string.Empty).Replace("{|#0:AddNicknames|}", "AddNicknames")));
        test.TestState.Sources.Add(("AddNicknames.Designer.cs", $$"""
            {{Sources.Usings}}

            namespace Sample.Migrations
            {
                [DbContext(typeof(Sample.AppDbContext))]
                [Migration("20250117120000_AddNicknames")]
                partial class AddNicknames
                {
                }
            }
            """));
        await test.RunAsync();

        var missing = new Verify.Test(TestProvider.PostgreSql);
        missing.TestState.Sources.Add(("AddNicknames.Designer.cs", $$"""
            {{Sources.Usings}}

            namespace Sample.Migrations
            {
                partial class AddNicknames
                {
                }
            }
            """));
        missing.TestState.Sources.Add(("AddNicknames.cs", Migration(string.Empty)));
        missing.ExpectedDiagnostics.Add(Verify.Diagnostic(RuleIds.MigrationNotDiscoverable).WithLocation(0).WithArguments("AddNicknames", "[Migration] nor [DbContext]"));
        await missing.RunAsync();
    }

    [Fact]
    public async Task AbstractBaseMigration_DoesNotReport()
    {
        await Verify.VerifyAnalyzerAsync($$"""
            {{Sources.Usings}}

            namespace Sample.Migrations
            {
                public abstract class TenantMigration : Migration
                {
                }
            }
            """);
    }
}
